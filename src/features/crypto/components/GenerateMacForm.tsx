import type { GenerateMacCommandInput, MacAlgorithmSpec } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ByteInputValue } from '../../../bytes/byte-input-model';
import { ByteInput } from '../../../bytes/ByteInput';
import { ByteOutput } from '../../../bytes/ByteOutput';
import { useByteField } from '../../../bytes/use-byte-field';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useGenerateMac } from '../api/generate-mac';
import { useKeyMetadata } from '../api/key-metadata';
import { buildCliCommand } from '../cli/cli-command';
import { ALL_MAC_ALGORITHMS, PLAINTEXT_MAX } from '../model/key-capabilities';
import { AlgorithmSelect } from './AlgorithmSelect';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import { useCliTarget } from './use-cli-target';

export interface MacHandoff {
  keyId: string;
  message: ByteInputValue;
  algorithm: string;
  mac: Uint8Array;
}

export const MESSAGE_LIMIT = { min: 1, max: PLAINTEXT_MAX, subject: 'A MAC covers a Message of' };

/** A key's MAC algorithm: an HMAC key has exactly one, so there is nothing to choose. */
export function chosenMacAlgorithm(algorithms: readonly string[], value: string): string {
  if (algorithms.includes(value)) return value;
  return algorithms.length === 1 ? algorithms[0] : '';
}

export function GenerateMacForm({
  initialKeyId,
  onVerify,
}: {
  initialKeyId: string;
  onVerify(handoff: MacHandoff): void;
}) {
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(initialKeyId);
  const [algorithm, setAlgorithm] = useState('');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const algorithms = key.metadata?.MacAlgorithms ?? ALL_MAC_ALGORITHMS;
  const chosen = chosenMacAlgorithm(algorithms, algorithm);
  const message = useByteField(MESSAGE_LIMIT);
  const generate = useGenerateMac();
  const tokens = parseGrantTokens(grantTokens);
  const algorithmError = chosen === '' ? 'Choose the MAC algorithm of the key.' : undefined;

  const valid =
    !keyFieldError(keyId, true) && message.evaluation.bytes && !algorithmError && !tokens.error;
  const input: GenerateMacCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        Message: message.evaluation.bytes,
        MacAlgorithm: chosen as MacAlgorithmSpec,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand('GenerateMac', { ...input }, target) : undefined;
  const result = generate.state.data;

  return (
    <SpaceBetween size="l">
      <OperationForm
        submitLabel="Generate MAC"
        busy={generate.state.status === 'pending'}
        onSubmit={() => {
          setShowErrors(true);
          if (input) void generate.run(input);
        }}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: 'GenerateMac', input }}
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
          description="An HMAC key (usage GENERATE_VERIFY_MAC)."
          placeholder="alias/demo-hmac"
        />
        <ByteInput label="Message" field={message} showRequired={showErrors} />
        <AlgorithmSelect
          label="MAC algorithm"
          value={chosen}
          onChange={setAlgorithm}
          options={algorithms}
          errorText={showErrors ? algorithmError : undefined}
        />
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {generate.state.status === 'error' ? (
        <OperationError error={generate.state.error} operation="GenerateMac" />
      ) : null}
      {result?.Mac ? (
        <ResultRegion
          description={result.requestId ? `Request ID ${result.requestId}` : undefined}
          actions={
            <Button
              variant="primary"
              onClick={() =>
                onVerify({
                  keyId: keyId.trim(),
                  message: message.value,
                  algorithm: result.MacAlgorithm ?? chosen,
                  mac: result.Mac!,
                })
              }
            >
              Verify this MAC
            </Button>
          }
        >
          <ByteOutput name="Mac" bytes={result.Mac} fileName="mac.bin" defaultFormat="base64" />
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="MacAlgorithm">{result.MacAlgorithm}</ResultField>
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}
