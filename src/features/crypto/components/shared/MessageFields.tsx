import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { ByteInput } from '../../../../bytes/ByteInput';
import type { ByteField } from '../../../../bytes/use-byte-field';
import { AlgorithmSelect } from './AlgorithmSelect';
import { MessageTypeField, type MessageType } from './MessageTypeField';
import type { KeyAlgorithm } from './use-key-algorithm';

export interface MessageFieldsProps {
  /** Sign and Verify: RAW, DIGEST or EXTERNAL_MU. MACs have no message type. */
  messageType?: { value: MessageType; onChange(value: MessageType): void };
  message: ByteField;
  /** Verify and VerifyMac: the signature or MAC to check. */
  proof?: { label: 'Signature' | 'Mac'; field: ByteField; rows: number };
  algorithmLabel: 'Signing algorithm' | 'MAC algorithm';
  algorithm: KeyAlgorithm;
  algorithmDescription?: ReactNode;
  algorithmError: string | undefined;
  showErrors: boolean;
}

/** The fields of Sign, Verify, GenerateMac and VerifyMac after the key, in AWS's order. */
export function MessageFields({
  messageType,
  message,
  proof,
  algorithmLabel,
  algorithm,
  algorithmDescription,
  algorithmError,
  showErrors,
}: MessageFieldsProps) {
  return (
    // The form spaces its fields apart; a fragment would be one item of it (React 19).
    <SpaceBetween size="l">
      {messageType ? (
        <MessageTypeField
          value={messageType.value}
          onChange={messageType.onChange}
          algorithm={algorithm.algorithm}
        />
      ) : null}
      <ByteInput label="Message" field={message} showRequired={showErrors} />
      {proof ? (
        <ByteInput
          label={proof.label}
          field={proof.field}
          showRequired={showErrors}
          rows={proof.rows}
        />
      ) : null}
      <AlgorithmSelect
        label={algorithmLabel}
        value={algorithm.algorithm}
        onChange={algorithm.setAlgorithm}
        options={algorithm.options}
        description={algorithmDescription}
        errorText={showErrors ? algorithmError : undefined}
      />
    </SpaceBetween>
  );
}
