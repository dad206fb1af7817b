import type { SignCommandInput, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ByteInputValue } from '../../../bytes/byte-input-model';
import { ByteInput } from '../../../bytes/ByteInput';
import { ByteOutput } from '../../../bytes/ByteOutput';
import { useByteField } from '../../../bytes/use-byte-field';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useKeyMetadata } from '../api/key-metadata';
import { useSign } from '../api/sign';
import { buildCliCommand } from '../cli/cli-command';
import { ALL_SIGNING_ALGORITHMS } from '../model/key-capabilities';
import { messageLimit } from '../model/message-limit';
import { AlgorithmSelect } from './AlgorithmSelect';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { MessageTypeField, type MessageType } from './MessageTypeField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import { useCliTarget } from './use-cli-target';

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
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(initialKeyId);
  const [messageType, setMessageType] = useState<MessageType>('RAW');
  const [algorithm, setAlgorithm] = useState('');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const algorithms = key.metadata?.SigningAlgorithms ?? ALL_SIGNING_ALGORITHMS;
  // A key with one algorithm (ECC) needs no choice.
  const chosen = algorithms.includes(algorithm as never)
    ? algorithm
    : algorithms.length === 1
      ? algorithms[0]
      : '';
  const message = useByteField(messageLimit('Sign', messageType, chosen));
  const sign = useSign();
  const tokens = parseGrantTokens(grantTokens);
  const algorithmError = chosen === '' ? 'Choose a signing algorithm.' : undefined;

  const valid =
    !keyFieldError(keyId, true) && message.evaluation.bytes && !algorithmError && !tokens.error;
  const input: SignCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        Message: message.evaluation.bytes,
        MessageType: messageType,
        SigningAlgorithm: chosen as SigningAlgorithmSpec,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand('Sign', { ...input }, target) : undefined;
  const result = sign.state.data;

  return (
    <SpaceBetween size="l">
      <OperationForm
        submitLabel="Sign"
        busy={sign.state.status === 'pending'}
        onSubmit={() => {
          setShowErrors(true);
          if (input) void sign.run(input);
        }}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: 'Sign', input }}
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
          description="An asymmetric key with usage SIGN_VERIFY."
          placeholder="alias/demo-sign"
        />
        <MessageTypeField value={messageType} onChange={setMessageType} />
        <ByteInput label="Message" field={message} showRequired={showErrors} />
        <AlgorithmSelect
          label="Signing algorithm"
          value={chosen}
          onChange={setAlgorithm}
          options={algorithms}
          description={key.metadata ? 'The algorithms this key supports.' : undefined}
          errorText={showErrors ? algorithmError : undefined}
        />
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {sign.state.status === 'error' ? (
        <OperationError error={sign.state.error} operation="Sign" />
      ) : null}
      {result?.Signature ? (
        <ResultRegion
          description={result.requestId ? `Request ID ${result.requestId}` : undefined}
          actions={
            <Button
              variant="primary"
              onClick={() =>
                onVerify({
                  keyId: keyId.trim(),
                  message: message.value,
                  messageType,
                  algorithm: result.SigningAlgorithm ?? chosen,
                  signature: result.Signature!,
                })
              }
            >
              Verify this signature
            </Button>
          }
        >
          <ByteOutput
            name="Signature"
            bytes={result.Signature}
            fileName="signature.bin"
            defaultFormat="base64"
          />
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="SigningAlgorithm">{result.SigningAlgorithm}</ResultField>
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}
