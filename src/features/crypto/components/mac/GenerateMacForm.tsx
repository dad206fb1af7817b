import type { MacAlgorithmSpec } from '@aws-sdk/client-kms';
import type { ByteInputValue } from '../../../../bytes/byte-input-model';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useKmsOperation } from '../../api/use-kms-operation';
import { PLAINTEXT_MAX } from '../../model/key-capabilities';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { MessageFields } from '../shared/MessageFields';
import { ProducedResult } from '../shared/MessageResults';
import { useKeyAlgorithm } from '../shared/use-key-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';

export interface MacHandoff {
  keyId: string;
  message: ByteInputValue;
  algorithm: string;
  mac: Uint8Array;
}

export const MESSAGE_LIMIT = { min: 1, max: PLAINTEXT_MAX, subject: 'A MAC covers a Message of' };
export const MAC_ALGORITHM_MISSING = 'Choose the MAC algorithm of the key.';

export function GenerateMacForm({
  initialKeyId,
  onVerify,
}: {
  initialKeyId: string;
  onVerify(handoff: MacHandoff): void;
}) {
  const request = useKeyedRequest(initialKeyId);
  const algorithm = useKeyAlgorithm(request, 'MacAlgorithms');
  const message = useByteField(MESSAGE_LIMIT);
  const generate = useKmsOperation('GenerateMac');
  const algorithmError = algorithm.algorithm === '' ? MAC_ALGORITHM_MISSING : undefined;

  const input =
    request.ready && message.evaluation.bytes && !algorithmError
      ? {
          KeyId: request.key.id,
          Message: message.evaluation.bytes,
          MacAlgorithm: algorithm.algorithm as MacAlgorithmSpec,
          GrantTokens: request.tokens,
        }
      : undefined;
  const result = generate.state.data;

  return (
    <KeyedOperationForm
      operation="GenerateMac"
      input={input}
      request={request}
      keyField={{
        description: 'An HMAC key (usage GENERATE_VERIFY_MAC).',
        placeholder: 'alias/demo-hmac',
      }}
      submitLabel="Generate MAC"
      call={generate}
      result={
        result?.Mac ? (
          <ProducedResult
            requestId={result.requestId}
            output={{ name: 'Mac', bytes: result.Mac, fileName: 'mac.bin' }}
            keyId={result.KeyId}
            algorithm={{ name: 'MacAlgorithm', value: result.MacAlgorithm }}
            verifyLabel="Verify this MAC"
            onVerify={() =>
              onVerify({
                keyId: request.key.id,
                message: message.value,
                algorithm: result.MacAlgorithm ?? algorithm.algorithm,
                mac: result.Mac!,
              })
            }
          />
        ) : null
      }
    >
      <MessageFields
        message={message}
        algorithmLabel="MAC algorithm"
        algorithm={algorithm}
        algorithmError={algorithmError}
        showErrors={request.showErrors}
      />
    </KeyedOperationForm>
  );
}
