import type { GenerateDataKeyCommandInput } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { encodeBytes } from '../../../../bytes/codecs';
import type { ContextRow } from '../../../../bytes/encryption-context';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsClient } from '../../../../session/SessionProvider';
import { useKmsOperation } from '../../api/use-kms-operation';
import { parseByteCount } from '../../model/byte-count';
import { rememberCiphertext } from '../../model/ciphertext-origins';
import { deepLinkSearch } from '../../../../ui/deep-link';
import type { CryptoHandoff } from '../../model/handoff';
import { ContextField } from '../shared/ContextField';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { NumberOfBytesField } from './NumberOfBytesField';
import { OperationChoice } from './OperationChoice';
import { plaintextVariants } from './plaintext-variants';
import { ResultField, ResultRegion } from '../shared/Result';
import { useKeyedRequest } from '../shared/use-keyed-request';

type Variant = 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext';
type Size = 'AES_256' | 'AES_128' | 'bytes';

const VARIANTS: ReadonlyArray<{ operation: Variant; returns: string }> = [
  { operation: 'GenerateDataKey', returns: 'The plaintext data key and its encrypted copy.' },
  {
    operation: 'GenerateDataKeyWithoutPlaintext',
    returns: 'Only the encrypted copy, for a system that will decrypt it later.',
  },
];

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
  const request = useKeyedRequest(initialKeyId);
  const [variant, setVariant] = useState<Variant>('GenerateDataKey');
  const [size, setSize] = useState<Size>('AES_256');
  const [numberOfBytes, setNumberOfBytes] = useState('32');
  const context = useContextField(initialContext);
  const operation = plaintextVariants(
    useKmsOperation('GenerateDataKey'),
    useKmsOperation('GenerateDataKeyWithoutPlaintext'),
    variant === 'GenerateDataKey',
  );
  const [sent, setSent] = useState<GenerateDataKeyCommandInput>();

  const count = parseByteCount(numberOfBytes, 1024);
  const input: GenerateDataKeyCommandInput | undefined =
    request.ready && context.evaluation.valid && (size !== 'bytes' || count.value !== undefined)
      ? {
          KeyId: request.key.id,
          KeySpec: size === 'bytes' ? undefined : size,
          NumberOfBytes: size === 'bytes' ? count.value : undefined,
          EncryptionContext: context.evaluation.context,
          GrantTokens: request.tokens,
        }
      : undefined;

  const submit = async (ready: GenerateDataKeyCommandInput) => {
    setSent(ready);
    const result = await operation.run(ready);
    if (result?.CiphertextBlob && result.KeyId)
      rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
  };

  const { result } = operation;
  const plaintextKey = operation.plaintextResult?.Plaintext;
  const sendToDecrypt = () => {
    if (!result?.CiphertextBlob) return;
    const state: CryptoHandoff = { ciphertext: encodeBytes(result.CiphertextBlob, 'base64') };
    void navigate(`/decrypt${deepLinkSearch(sent?.KeyId, sent?.EncryptionContext)}`, { state });
  };

  return (
    <KeyedOperationForm
      operation={variant}
      input={input}
      request={request}
      keyField={{
        description: 'A symmetric encryption key: it encrypts the copy of the data key.',
        placeholder: 'alias/demo-app',
      }}
      heading="Data key"
      description="A symmetric data key to encrypt data of any size yourself (envelope encryption): keep the encrypted copy next to the data, decrypt it with KMS when needed."
      submitLabel="Generate data key"
      call={{ state: operation.state, run: submit }}
      result={
        result?.CiphertextBlob ? (
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
        ) : null
      }
    >
      <OperationChoice value={variant} onChange={setVariant} choices={VARIANTS} />
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
            <NumberOfBytesField
              value={numberOfBytes}
              onChange={setNumberOfBytes}
              errorText={count.error}
            />
          ) : null}
        </SpaceBetween>
      </FormField>
      <ContextField field={context} explain />
    </KeyedOperationForm>
  );
}
