import type { MacAlgorithmSpec, VerifyMacCommandInput } from '@aws-sdk/client-kms';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { byteInputOf, EMPTY_BYTE_INPUT } from '../../../bytes/byte-input-model';
import { ByteInput } from '../../../bytes/ByteInput';
import { useByteField } from '../../../bytes/use-byte-field';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useKeyMetadata } from '../api/key-metadata';
import { useVerifyMac } from '../api/verify-mac';
import { buildCliCommand } from '../cli/cli-command';
import { ALL_MAC_ALGORITHMS, MAC_MAX } from '../model/key-capabilities';
import { AlgorithmSelect } from './AlgorithmSelect';
import { chosenMacAlgorithm, MESSAGE_LIMIT, type MacHandoff } from './GenerateMacForm';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import { useCliTarget } from './use-cli-target';

export function VerifyMacForm({
  initialKeyId,
  handoff,
}: {
  initialKeyId: string;
  handoff?: MacHandoff;
}) {
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(handoff?.keyId ?? initialKeyId);
  const [algorithm, setAlgorithm] = useState(handoff?.algorithm ?? '');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const algorithms = key.metadata?.MacAlgorithms ?? ALL_MAC_ALGORITHMS;
  const chosen = chosenMacAlgorithm(algorithms, algorithm);
  const message = useByteField(MESSAGE_LIMIT, handoff?.message ?? EMPTY_BYTE_INPUT);
  const mac = useByteField({ min: 1, max: MAC_MAX, subject: 'VerifyMac takes a Mac of' }, () =>
    handoff ? byteInputOf(handoff.mac, 'base64') : EMPTY_BYTE_INPUT,
  );
  const verify = useVerifyMac();
  const tokens = parseGrantTokens(grantTokens);
  const algorithmError = chosen === '' ? 'Choose the MAC algorithm of the key.' : undefined;

  const valid =
    !keyFieldError(keyId, true) &&
    message.evaluation.bytes &&
    mac.evaluation.bytes &&
    !algorithmError &&
    !tokens.error;
  const input: VerifyMacCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        Message: message.evaluation.bytes,
        MacAlgorithm: chosen as MacAlgorithmSpec,
        Mac: mac.evaluation.bytes,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand('VerifyMac', { ...input }, target) : undefined;
  const result = verify.state.data;

  return (
    <SpaceBetween size="l">
      <OperationForm
        submitLabel="Verify MAC"
        busy={verify.state.status === 'pending'}
        onSubmit={() => {
          setShowErrors(true);
          if (input) void verify.run(input);
        }}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: 'VerifyMac', input }}
            onInvalid={() => setShowErrors(true)}
          />
        }
      >
        <KeyField
          value={keyId}
          onChange={setKeyId}
          metadata={key.metadata}
          loading={key.loading}
          showErrors={showErrors}
          description="The HMAC key that generated the MAC."
          placeholder="alias/demo-hmac"
        />
        <ByteInput label="Message" field={message} showRequired={showErrors} />
        <ByteInput label="Mac" field={mac} showRequired={showErrors} rows={2} />
        <AlgorithmSelect
          label="MAC algorithm"
          value={chosen}
          onChange={setAlgorithm}
          options={algorithms}
          errorText={showErrors ? algorithmError : undefined}
        />
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {verify.state.status === 'error' ? (
        <OperationError error={verify.state.error} operation="VerifyMac" />
      ) : null}
      {result ? (
        <ResultRegion description={result.requestId ? `Request ID ${result.requestId}` : undefined}>
          <ResultField name="MacValid">
            <StatusIndicator type={result.MacValid ? 'success' : 'error'}>
              {String(result.MacValid)}
            </StatusIndicator>
          </ResultField>
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="MacAlgorithm">{result.MacAlgorithm}</ResultField>
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}
