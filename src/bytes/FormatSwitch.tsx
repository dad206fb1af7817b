import ToggleButton from '@cloudscape-design/components/toggle-button';

// SpaceBetween's horizontal xxs layout (4px gaps, wrapping), without a component per switch.
const ROW_STYLE = { display: 'flex', flexWrap: 'wrap', gap: 4 } as const;

export interface FormatSwitchProps<F extends string> {
  /** "Input format" or "Output format": the toolbar's accessible name. */
  label: string;
  value: F;
  options: ReadonlyArray<{ id: F; text: string }>;
  onChange(value: F): void;
}

/**
 * One choice among a few formats: a toolbar of pressed/unpressed buttons, as Cloudscape's
 * segmented control presents it, at half its rendering cost (which matters with a form of
 * several byte fields and a result re-rendered per operation; see bench/console-crypto.ts).
 */
export function FormatSwitch<F extends string>({
  label,
  value,
  options,
  onChange,
}: FormatSwitchProps<F>) {
  return (
    <div role="toolbar" aria-label={label} style={ROW_STYLE}>
      {options.map((option) => (
        <ToggleButton
          key={option.id}
          pressed={option.id === value}
          onChange={() => onChange(option.id)}
        >
          {option.text}
        </ToggleButton>
      ))}
    </div>
  );
}
