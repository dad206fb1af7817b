import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';

/** NumberOfBytes (GenerateDataKey, GenerateRandom): 1 to 1,024, typed as digits. */
export function NumberOfBytesField({
  value,
  onChange,
  errorText,
}: {
  value: string;
  onChange(value: string): void;
  errorText: string | undefined;
}) {
  return (
    <FormField label="Number of bytes" constraintText="1 to 1,024." errorText={errorText}>
      <Input
        type="number"
        inputMode="numeric"
        value={value}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </FormField>
  );
}
