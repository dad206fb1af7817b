import type { MacAlgorithmSpec } from '@aws-sdk/client-kms';
import {
  byteInputOf,
  EMPTY_BINARY_INPUT,
  EMPTY_BYTE_INPUT,
} from '../../../../bytes/byte-input-model';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useKmsOperation } from '../../api/use-kms-operation';
import { MAC_MAX } from '../../model/key-capabilities';
import { MAC_ALGORITHM_MISSING, MESSAGE_LIMIT, type MacHandoff } from './GenerateMacForm';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { MessageFields } from '../shared/MessageFields';
import { VerifiedResult } from '../shared/MessageResults';
import { useKeyAlgorithm } from '../shared/use-key-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';

export function VerifyMacForm({
  initialKeyId,
  handoff,
}: {
  initialKeyId: string;
  handoff?: MacHandoff;
}) {
  const request = useKeyedRequest(handoff?.keyId ?? initialKeyId);
  const algorithm = useKeyAlgorithm(request, 'MacAlgorithms', handoff?.algorithm);
  const message = useByteField(MESSAGE_LIMIT, { initial: handoff?.message ?? EMPTY_BYTE_INPUT });
  const mac = useByteField(
    { min: 1, max: MAC_MAX, subject: 'VerifyMac takes a Mac of' },
    {
      binary: true,
      initial: () => (handoff ? byteInputOf(handoff.mac, 'base64') : EMPTY_BINARY_INPUT),
    },
  );
  const verify = useKmsOperation('VerifyMac');
  const algorithmError = algorithm.algorithm === '' ? MAC_ALGORITHM_MISSING : undefined;

  const input =
    request.ready && message.evaluation.bytes && mac.evaluation.bytes && !algorithmError
      ? {
          KeyId: request.key.id,
          Message: message.evaluation.bytes,
          MacAlgorithm: algorithm.algorithm as MacAlgorithmSpec,
          Mac: mac.evaluation.bytes,
          GrantTokens: request.tokens,
        }
      : undefined;
  const result = verify.state.data;

  return (
    <KeyedOperationForm
      operation="VerifyMac"
      input={input}
      request={request}
      keyField={{
        description: 'The HMAC key that generated the MAC.',
        placeholder: 'alias/demo-hmac',
      }}
      submitLabel="Verify MAC"
      call={verify}
      result={
        result ? (
          <VerifiedResult
            requestId={result.requestId}
            verdict={{ name: 'MacValid', value: result.MacValid }}
            keyId={result.KeyId}
            algorithm={{ name: 'MacAlgorithm', value: result.MacAlgorithm }}
          />
        ) : null
      }
    >
      <MessageFields
        message={message}
        proof={{ label: 'Mac', field: mac, rows: 2 }}
        algorithmLabel="MAC algorithm"
        algorithm={algorithm}
        algorithmError={algorithmError}
        showErrors={request.showErrors}
      />
    </KeyedOperationForm>
  );
}
