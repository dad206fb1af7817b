import type { SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { useState } from 'react';
import {
  byteInputOf,
  EMPTY_BINARY_INPUT,
  EMPTY_BYTE_INPUT,
} from '../../../../bytes/byte-input-model';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useKmsOperation } from '../../api/use-kms-operation';
import { SIGNATURE_MAX } from '../../model/key-capabilities';
import { effectiveMessageType, messageLimit } from '../../model/message-limit';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { MessageFields } from '../shared/MessageFields';
import type { MessageType } from '../shared/MessageTypeField';
import { VerifiedResult } from '../shared/MessageResults';
import type { SignatureHandoff } from './SignForm';
import { useKeyAlgorithm } from '../shared/use-key-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';

export function VerifyForm({
  initialKeyId,
  handoff,
}: {
  initialKeyId: string;
  handoff?: SignatureHandoff;
}) {
  const request = useKeyedRequest(handoff?.keyId ?? initialKeyId);
  const [chosenType, setMessageType] = useState<MessageType>(handoff?.messageType ?? 'RAW');
  const algorithm = useKeyAlgorithm(request, 'SigningAlgorithms', handoff?.algorithm);
  const messageType = effectiveMessageType(algorithm.algorithm, chosenType);
  const message = useByteField(messageLimit('Verify', messageType, algorithm.algorithm), {
    initial: handoff?.message ?? EMPTY_BYTE_INPUT,
  });
  const signature = useByteField(
    { min: 1, max: SIGNATURE_MAX, subject: 'Verify takes a Signature of' },
    {
      binary: true,
      initial: () => (handoff ? byteInputOf(handoff.signature, 'base64') : EMPTY_BINARY_INPUT),
    },
  );
  const verify = useKmsOperation('Verify');
  const algorithmError =
    algorithm.algorithm === '' ? 'Choose the signing algorithm used to sign.' : undefined;

  const input =
    request.ready && message.evaluation.bytes && signature.evaluation.bytes && !algorithmError
      ? {
          KeyId: request.key.id,
          Message: message.evaluation.bytes,
          MessageType: messageType,
          Signature: signature.evaluation.bytes,
          SigningAlgorithm: algorithm.algorithm as SigningAlgorithmSpec,
          GrantTokens: request.tokens,
        }
      : undefined;
  const result = verify.state.data;

  return (
    <KeyedOperationForm
      operation="Verify"
      input={input}
      request={request}
      keyField={{ description: 'The key that signed.', placeholder: 'alias/demo-sign' }}
      submitLabel="Verify"
      call={verify}
      result={
        result ? (
          <VerifiedResult
            requestId={result.requestId}
            verdict={{ name: 'SignatureValid', value: result.SignatureValid }}
            keyId={result.KeyId}
            algorithm={{ name: 'SigningAlgorithm', value: result.SigningAlgorithm }}
          />
        ) : null
      }
    >
      <MessageFields
        messageType={{ value: messageType, onChange: setMessageType }}
        message={message}
        proof={{ label: 'Signature', field: signature, rows: 3 }}
        algorithmLabel="Signing algorithm"
        algorithm={algorithm}
        algorithmError={algorithmError}
        showErrors={request.showErrors}
      />
    </KeyedOperationForm>
  );
}
