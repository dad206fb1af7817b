import type { SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { useState } from 'react';
import type { ByteInputValue } from '../../../../bytes/byte-input-model';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useKmsOperation } from '../../api/use-kms-operation';
import { effectiveMessageType, messageLimit } from '../../model/message-limit';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { MessageFields } from '../shared/MessageFields';
import type { MessageType } from '../shared/MessageTypeField';
import { ProducedResult } from '../shared/MessageResults';
import { useKeyAlgorithm } from '../shared/use-key-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';

/** What Sign hands to Verify: the same key, message, type and algorithm, plus the signature. */
export interface SignatureHandoff {
  keyId: string;
  message: ByteInputValue;
  messageType: MessageType;
  algorithm: string;
  signature: Uint8Array;
}

export function SignForm({
  initialKeyId,
  onVerify,
}: {
  initialKeyId: string;
  onVerify(handoff: SignatureHandoff): void;
}) {
  const request = useKeyedRequest(initialKeyId);
  const [chosenType, setMessageType] = useState<MessageType>('RAW');
  const algorithm = useKeyAlgorithm(request, 'SigningAlgorithms');
  const messageType = effectiveMessageType(algorithm.algorithm, chosenType);
  const message = useByteField(messageLimit('Sign', messageType, algorithm.algorithm));
  const sign = useKmsOperation('Sign');
  const algorithmError = algorithm.algorithm === '' ? 'Choose a signing algorithm.' : undefined;

  const input =
    request.ready && message.evaluation.bytes && !algorithmError
      ? {
          KeyId: request.key.id,
          Message: message.evaluation.bytes,
          MessageType: messageType,
          SigningAlgorithm: algorithm.algorithm as SigningAlgorithmSpec,
          GrantTokens: request.tokens,
        }
      : undefined;
  const result = sign.state.data;

  return (
    <KeyedOperationForm
      operation="Sign"
      input={input}
      request={request}
      keyField={{
        description: 'An asymmetric key with usage SIGN_VERIFY.',
        placeholder: 'alias/demo-sign',
      }}
      submitLabel="Sign"
      call={sign}
      result={
        result?.Signature ? (
          <ProducedResult
            requestId={result.requestId}
            output={{ name: 'Signature', bytes: result.Signature, fileName: 'signature.bin' }}
            keyId={result.KeyId}
            algorithm={{ name: 'SigningAlgorithm', value: result.SigningAlgorithm }}
            verifyLabel="Verify this signature"
            onVerify={() =>
              onVerify({
                keyId: request.key.id,
                message: message.value,
                messageType,
                algorithm: result.SigningAlgorithm ?? algorithm.algorithm,
                signature: result.Signature!,
              })
            }
          />
        ) : null
      }
    >
      <MessageFields
        messageType={{ value: messageType, onChange: setMessageType }}
        message={message}
        algorithmLabel="Signing algorithm"
        algorithm={algorithm}
        algorithmDescription={
          request.key.metadata ? 'The algorithms this key supports.' : undefined
        }
        algorithmError={algorithmError}
        showErrors={request.showErrors}
      />
    </KeyedOperationForm>
  );
}
