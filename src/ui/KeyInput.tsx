import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import { useMemo } from 'react';
import { useAliases } from '../kms/api/list-aliases';

/** At most this many suggestions are rendered (the filter narrows 10,000 aliases as you type). */
const MAX_SUGGESTIONS = 50;

/** Suggestions a caller chooses instead of the account's aliases (e.g. keys of one type). */
export interface KeySuggestions {
  options: readonly AutosuggestProps.Option[];
  loading: boolean;
  loadingText: string;
  empty: string;
}

/** Options whose value, description or tags contain the typed text, at most MAX_SUGGESTIONS. */
function matchingOptions(
  options: readonly AutosuggestProps.Option[],
  typed: string,
): AutosuggestProps.Option[] {
  const needle = typed.trim().toLowerCase();
  const matches: AutosuggestProps.Option[] = [];
  for (const option of options) {
    const fields = [option.value, option.description, ...(option.tags ?? [])];
    if (needle && !fields.some((field) => field?.toLowerCase().includes(needle))) continue;
    matches.push(option);
    if (matches.length >= MAX_SUGGESTIONS) break;
  }
  return matches;
}

/**
 * A key field: free text (key id, key ARN, alias name, alias ARN) with the account's aliases as
 * suggestions when the caller may list them, or the caller's own suggestions. Principals who may
 * not list them still type any key.
 */
export function KeyInput({
  value,
  onChange,
  placeholder = 'alias/my-key or 1234abcd-12ab-34cd-56ef-1234567890ab',
  ariaLabel,
  invalid,
  suggestions,
}: {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  ariaLabel?: string;
  invalid?: boolean;
  suggestions?: KeySuggestions;
}) {
  // Suggestions only: a failed listing (AccessDenied for guests) is not retried by every field
  // that mounts, which would also flip pages that show the denial back to "loading".
  const aliases = useAliases({ retryOnMount: false, enabled: suggestions === undefined });
  const options = useMemo<AutosuggestProps.Options>(() => {
    if (suggestions) return matchingOptions(suggestions.options, value);
    const needle = value.trim().toLowerCase();
    const matches: AutosuggestProps.Option[] = [];
    for (const alias of aliases.data ?? []) {
      if (!alias.AliasName || !alias.TargetKeyId) continue;
      if (
        needle &&
        !alias.AliasName.toLowerCase().includes(needle) &&
        !alias.TargetKeyId.includes(needle)
      ) {
        continue;
      }
      matches.push({ value: alias.AliasName, description: alias.TargetKeyId });
      if (matches.length >= MAX_SUGGESTIONS) break;
    }
    return matches;
  }, [aliases.data, suggestions, value]);
  return (
    <Autosuggest
      value={value}
      onChange={({ detail }) => onChange(detail.value)}
      options={options}
      filteringType="manual"
      placeholder={placeholder}
      ariaLabel={ariaLabel}
      invalid={invalid}
      enteredTextLabel={(text) => `Use: "${text}"`}
      empty={
        suggestions?.empty ??
        (aliases.isError ? 'Aliases cannot be listed: type the key.' : 'No matching alias')
      }
      statusType={(suggestions ? suggestions.loading : aliases.isPending) ? 'loading' : 'finished'}
      loadingText={suggestions?.loadingText ?? 'Loading aliases'}
      clearAriaLabel="Clear key"
    />
  );
}
