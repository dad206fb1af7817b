import type { GenerateDataKeyCommandInput } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ByteOutput } from '../../../bytes/ByteOutput';
import { encodeBytes } from '../../../bytes/codecs';
import { ContextEditor } from '../../../bytes/ContextEditor';
import type { ContextRow } from '../../../bytes/encryption-context';
import { useContextField } from '../../../bytes/use-context-field';
import { useKmsClient } from '../../../session/SessionProvider';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useGenerateDataKey } from '../api/generate-data-key';
import { useGenerateDataKeyWithoutPlaintext } from '../api/generate-data-key-without-plaintext';
import { useKeyMetadata } from '../api/key-metadata';
import { buildCliCommand } from '../cli/cli-command';
import { rememberCiphertext } from '../model/ciphertext-origins';
import { deepLinkSearch, type CryptoHandoff } from '../model/deep-link';
import { parseByteCount } from '../model/byte-count';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import { useCliTarget } from './use-cli-target';

type Variant = 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext';
type Size = 'AES_256' | 'AES_128' | 'bytes';

/**
 * GenerateDataKey and GenerateDataKeyWithoutPlaintext. The size is KeySpec or NumberOfBytes,
 * exactly one, as KMS requires: the radio buttons make sending both impossible.
 */
export function DataKeyForm({
  initialKeyId,
  initialContext,
}: {
  initialKeyId: string;
  initialContext: ContextRow[];
}) {
  const navigate = useNavigate();
  const kms = useKmsClient();
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(initialKeyId);
  const [variant, setVariant] = useState<Variant>('GenerateDataKey');
  const [size, setSize] = useState<Size>('AES_256');
  const [numberOfBytes, setNumberOfBytes] = useState('32');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const context = useContextField(initialContext);
  const withPlaintext = useGenerateDataKey();
  const withoutPlaintext = useGenerateDataKeyWithoutPlaintext();
  const [sent, setSent] = useState<GenerateDataKeyCommandInput>();

  const count = parseByteCount(numberOfBytes, 1024);
  const tokens = parseGrantTokens(grantTokens);
  const valid =
    !keyFieldError(keyId, true) &&
    context.evaluation.valid &&
    !tokens.error &&
    (size !== 'bytes' || count.value !== undefined);
  const input: GenerateDataKeyCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        KeySpec: size === 'bytes' ? undefined : size,
        NumberOfBytes: size === 'bytes' ? count.value : undefined,
        EncryptionContext: context.evaluation.context,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand(variant, { ...input }, target) : undefined;
  const operation = variant === 'GenerateDataKey' ? withPlaintext : withoutPlaintext;

  const submit = async () => {
    setShowErrors(true);
    if (!input) return;
    // Only one result at a time: the other variant's plaintext key is dropped.
    withPlaintext.reset();
    withoutPlaintext.reset();
    setSent(input);
    const result = await operation.run(input);
    if (result?.CiphertextBlob && result.KeyId)
      rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
  };

  const result = withPlaintext.state.data ?? withoutPlaintext.state.data;
  const plaintextKey = withPlaintext.state.data?.Plaintext;
  const failure = withPlaintext.state.error ?? withoutPlaintext.state.error;
  const sendToDecrypt = () => {
    if (!result?.CiphertextBlob) return;
    const state: CryptoHandoff = { ciphertext: encodeBytes(result.CiphertextBlob, 'base64') };
    void navigate(`/decrypt${deepLinkSearch(sent?.KeyId, sent?.EncryptionContext)}`, { state });
  };

  return (
    <SpaceBetween size="l">
      <OperationForm
        heading="Data key"
        description="A symmetric data key to encrypt data of any size yourself (envelope encryption): keep the encrypted copy next to the data, decrypt it with KMS when needed."
        submitLabel="Generate data key"
        busy={operation.state.status === 'pending'}
        onSubmit={() => void submit()}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: variant, input }}
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
          description="A symmetric encryption key: it encrypts the copy of the data key."
          placeholder="alias/demo-app"
        />
        <FormField label="Operation">
          <RadioGroup
            value={variant}
            onChange={({ detail }) => setVariant(detail.value as Variant)}
            items={[
              {
                value: 'GenerateDataKey',
                label: 'GenerateDataKey',
                description: 'The plaintext data key and its encrypted copy.',
              },
              {
                value: 'GenerateDataKeyWithoutPlaintext',
                label: 'GenerateDataKeyWithoutPlaintext',
                description: 'Only the encrypted copy, for a system that will decrypt it later.',
              },
            ]}
          />
        </FormField>
        <FormField
          label="Data key size"
          description="KeySpec or NumberOfBytes: KMS takes exactly one."
        >
          <SpaceBetween size="xs">
            <RadioGroup
              value={size}
              onChange={({ detail }) => setSize(detail.value as Size)}
              items={[
                { value: 'AES_256', label: 'KeySpec AES_256 (32 bytes)' },
                { value: 'AES_128', label: 'KeySpec AES_128 (16 bytes)' },
                { value: 'bytes', label: 'NumberOfBytes' },
              ]}
            />
            {size === 'bytes' ? (
              <FormField
                label="Number of bytes"
                constraintText="1 to 1,024."
                errorText={count.error}
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  value={numberOfBytes}
                  onChange={({ detail }) => setNumberOfBytes(detail.value)}
                />
              </FormField>
            ) : null}
          </SpaceBetween>
        </FormField>
        <ContextEditor
          label="Encryption context"
          rows={context.rows}
          onChange={context.setRows}
          evaluation={context.evaluation}
          explain
        />
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {failure ? <OperationError error={failure} operation={variant} /> : null}
      {result?.CiphertextBlob ? (
        <ResultRegion
          description={
            plaintextKey
              ? 'Use the plaintext key, then forget it: it is masked until you show it, and cleared when you leave this page.'
              : undefined
          }
          actions={
            <Button variant="primary" onClick={sendToDecrypt}>
              Send to Decrypt
            </Button>
          }
        >
          {plaintextKey ? (
            <ByteOutput
              name="Plaintext"
              bytes={plaintextKey}
              fileName="data-key.bin"
              defaultFormat="base64"
              sensitive
            />
          ) : null}
          <ByteOutput
            name="CiphertextBlob"
            bytes={result.CiphertextBlob}
            fileName="data-key.encrypted.bin"
            defaultFormat="base64"
          />
          <ResultField name="KeyId">{result.KeyId}</ResultField>
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}
