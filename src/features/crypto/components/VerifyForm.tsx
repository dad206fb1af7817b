import type { SigningAlgorithmSpec, VerifyCommandInput } from '@aws-sdk/client-kms';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { byteInputOf, EMPTY_BYTE_INPUT } from '../../../bytes/byte-input-model';
import { ByteInput } from '../../../bytes/ByteInput';
import { useByteField } from '../../../bytes/use-byte-field';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useKeyMetadata } from '../api/key-metadata';
import { useVerify } from '../api/verify';
import { buildCliCommand } from '../cli/cli-command';
import { ALL_SIGNING_ALGORITHMS, SIGNATURE_MAX } from '../model/key-capabilities';
import { messageLimit } from '../model/message-limit';
import { AlgorithmSelect } from './AlgorithmSelect';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { MessageTypeField, type MessageType } from './MessageTypeField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import type { SignatureHandoff } from './SignForm';
import { useCliTarget } from './use-cli-target';

export function VerifyForm({
  initialKeyId,
  handoff,
}: {
  initialKeyId: string;
  handoff?: SignatureHandoff;
}) {
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(handoff?.keyId ?? initialKeyId);
  const [messageType, setMessageType] = useState<MessageType>(handoff?.messageType ?? 'RAW');
  const [algorithm, setAlgorithm] = useState(handoff?.algorithm ?? '');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const algorithms = key.metadata?.SigningAlgorithms ?? ALL_SIGNING_ALGORITHMS;
  const chosen = algorithms.includes(algorithm as never)
    ? algorithm
    : algorithms.length === 1
      ? algorithms[0]
      : '';
  const message = useByteField(
    messageLimit('Verify', messageType, chosen),
    handoff?.message ?? EMPTY_BYTE_INPUT,
  );
  const signature = useByteField(
    { min: 1, max: SIGNATURE_MAX, subject: 'Verify takes a Signature of' },
    () => (handoff ? byteInputOf(handoff.signature, 'base64') : EMPTY_BYTE_INPUT),
  );
  const verify = useVerify();
  const tokens = parseGrantTokens(grantTokens);
  const algorithmError = chosen === '' ? 'Choose the signing algorithm used to sign.' : undefined;

  const valid =
    !keyFieldError(keyId, true) &&
    message.evaluation.bytes &&
    signature.evaluation.bytes &&
    !algorithmError &&
    !tokens.error;
  const input: VerifyCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        Message: message.evaluation.bytes,
        MessageType: messageType,
        Signature: signature.evaluation.bytes,
        SigningAlgorithm: chosen as SigningAlgorithmSpec,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand('Verify', { ...input }, target) : undefined;
  const result = verify.state.data;

  return (
    <SpaceBetween size="l">
      <OperationForm
        submitLabel="Verify"
        busy={verify.state.status === 'pending'}
        onSubmit={() => {
          setShowErrors(true);
          if (input) void verify.run(input);
        }}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: 'Verify', input }}
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
          description="The key that signed."
          placeholder="alias/demo-sign"
        />
        <MessageTypeField value={messageType} onChange={setMessageType} />
        <ByteInput label="Message" field={message} showRequired={showErrors} />
        <ByteInput label="Signature" field={signature} showRequired={showErrors} rows={3} />
        <AlgorithmSelect
          label="Signing algorithm"
          value={chosen}
          onChange={setAlgorithm}
          options={algorithms}
          errorText={showErrors ? algorithmError : undefined}
        />
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {verify.state.status === 'error' ? (
        <OperationError error={verify.state.error} operation="Verify" />
      ) : null}
      {result ? (
        <ResultRegion description={result.requestId ? `Request ID ${result.requestId}` : undefined}>
          <ResultField name="SignatureValid">
            <StatusIndicator type={result.SignatureValid ? 'success' : 'error'}>
              {String(result.SignatureValid)}
            </StatusIndicator>
          </ResultField>
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="SigningAlgorithm">{result.SigningAlgorithm}</ResultField>
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}
