import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';

export type MessageType = 'RAW' | 'DIGEST';

/** RAW: KMS hashes the message. DIGEST: the message is already the hash of the algorithm. */
export function MessageTypeField({
  value,
  onChange,
}: {
  value: MessageType;
  onChange(value: MessageType): void;
}) {
  return (
    <FormField label="Message type">
      <RadioGroup
        value={value}
        onChange={({ detail }) => onChange(detail.value as MessageType)}
        items={[
          {
            value: 'RAW',
            label: 'RAW',
            description: 'The message itself (up to 4,096 bytes); KMS hashes it.',
          },
          {
            value: 'DIGEST',
            label: 'DIGEST',
            description: 'A digest you computed with the algorithm’s hash (32, 48 or 64 bytes).',
          },
        ]}
      />
    </FormField>
  );
}
