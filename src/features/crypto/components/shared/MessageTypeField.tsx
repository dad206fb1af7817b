import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { ML_DSA_ALGORITHM, messageTypesFor, type MessageType } from '../../model/message-limit';

export type { MessageType } from '../../model/message-limit';

const DESCRIPTIONS: Record<MessageType, string> = {
  RAW: 'The message itself (up to 4,096 bytes); KMS hashes it.',
  DIGEST: 'A digest you computed with the algorithm’s hash (32, 48 or 64 bytes).',
  EXTERNAL_MU:
    'ML-DSA only: the 64-byte μ of FIPS 204 (section 6.2) you computed from the key’s public key and a message of any length.',
};

const ML_DSA_DESCRIPTIONS: Partial<Record<MessageType, string>> = {
  RAW: 'The message itself (up to 4,096 bytes); KMS computes its μ.',
};

/**
 * RAW: KMS hashes the message. DIGEST: the message is already the hash of the algorithm.
 * EXTERNAL_MU: ML-DSA's μ, for messages longer than RAW takes. Only the types the algorithm
 * takes are offered.
 */
export function MessageTypeField({
  value,
  onChange,
  algorithm,
}: {
  value: MessageType;
  onChange(value: MessageType): void;
  /** The signing algorithm chosen ('' when none is yet). */
  algorithm: string;
}) {
  const mlDsa = algorithm === ML_DSA_ALGORITHM;
  return (
    <FormField
      label="Message type"
      description={
        mlDsa ? 'ML-DSA signs the message or its μ; it takes no SHA-2 digest (DIGEST).' : undefined
      }
    >
      <RadioGroup
        value={value}
        onChange={({ detail }) => onChange(detail.value as MessageType)}
        items={messageTypesFor(algorithm).map((type) => ({
          value: type,
          label: type,
          description: (mlDsa ? ML_DSA_DESCRIPTIONS[type] : undefined) ?? DESCRIPTIONS[type],
        }))}
      />
    </FormField>
  );
}
