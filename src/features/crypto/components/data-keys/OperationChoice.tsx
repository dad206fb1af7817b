import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';

/** "Operation": one of two KMS operations sharing a form, each named as AWS names it. */
export function OperationChoice<O extends string>({
  value,
  onChange,
  choices,
}: {
  value: O;
  onChange(value: NoInfer<O>): void;
  /** Each operation and what it returns. */
  choices: ReadonlyArray<{ operation: O; returns: string }>;
}) {
  return (
    <FormField label="Operation">
      <RadioGroup
        value={value}
        onChange={({ detail }) => onChange(detail.value as O)}
        items={choices.map(({ operation, returns }) => ({
          value: operation,
          label: operation,
          description: returns,
        }))}
      />
    </FormField>
  );
}
