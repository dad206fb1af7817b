import type { DataKeyPairSpec, GenerateDataKeyPairCommandInput } from '@aws-sdk/client-kms';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { useState } from 'react';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import type { ContextRow } from '../../../../bytes/encryption-context';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsOperation } from '../../api/use-kms-operation';
import { ContextField } from '../shared/ContextField';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { OperationChoice } from './OperationChoice';
import { plaintextVariants } from './plaintext-variants';
import { ResultField, ResultRegion } from '../shared/Result';
import { useKeyedRequest } from '../shared/use-keyed-request';

type Variant = 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext';

const VARIANTS: ReadonlyArray<{ operation: Variant; returns: string }> = [
  {
    operation: 'GenerateDataKeyPair',
    returns: 'The public key, the private key in plaintext and encrypted.',
  },
  {
    operation: 'GenerateDataKeyPairWithoutPlaintext',
    returns: 'The public key and the encrypted private key only.',
  },
];

const KEY_PAIR_SPECS: DataKeyPairSpec[] = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
];

/** GenerateDataKeyPair(WithoutPlaintext): an asymmetric key pair whose private key KMS encrypts. */
export function DataKeyPairForm({
  initialKeyId,
  initialContext,
}: {
  initialKeyId: string;
  initialContext: ContextRow[];
}) {
  const request = useKeyedRequest(initialKeyId);
  const [variant, setVariant] = useState<Variant>('GenerateDataKeyPair');
  const [spec, setSpec] = useState<DataKeyPairSpec>('ECC_NIST_P256');
  const context = useContextField(initialContext);
  const operation = plaintextVariants(
    useKmsOperation('GenerateDataKeyPair'),
    useKmsOperation('GenerateDataKeyPairWithoutPlaintext'),
    variant === 'GenerateDataKeyPair',
  );

  const input: GenerateDataKeyPairCommandInput | undefined =
    request.ready && context.evaluation.valid
      ? {
          KeyId: request.key.id,
          KeyPairSpec: spec,
          EncryptionContext: context.evaluation.context,
          GrantTokens: request.tokens,
        }
      : undefined;

  const { result } = operation;
  const privatePlaintext = operation.plaintextResult?.PrivateKeyPlaintext;

  return (
    <KeyedOperationForm
      operation={variant}
      input={input}
      request={request}
      keyField={{
        description: 'A symmetric encryption key: it encrypts the private key.',
        placeholder: 'alias/demo-app',
      }}
      heading="Data key pair"
      description="An RSA or elliptic curve key pair for signing or encryption outside KMS; KMS encrypts the private key under a symmetric key."
      submitLabel="Generate data key pair"
      call={operation}
      result={
        result?.PublicKey ? (
          <ResultRegion
            description={
              privatePlaintext
                ? 'The private key is masked until you show it, and cleared when you leave this page.'
                : undefined
            }
          >
            {privatePlaintext ? (
              <ByteOutput
                name="PrivateKeyPlaintext"
                bytes={privatePlaintext}
                fileName="private-key.der"
                defaultFormat="base64"
                sensitive
                description="PKCS #8 PrivateKeyInfo, DER."
              />
            ) : null}
            {result.PrivateKeyCiphertextBlob ? (
              <ByteOutput
                name="PrivateKeyCiphertextBlob"
                bytes={result.PrivateKeyCiphertextBlob}
                fileName="private-key.encrypted.bin"
                defaultFormat="base64"
              />
            ) : null}
            <ByteOutput
              name="PublicKey"
              bytes={result.PublicKey}
              fileName="public-key.der"
              defaultFormat="base64"
              description="X.509 SubjectPublicKeyInfo, DER."
            />
            <ResultField name="KeyId">{result.KeyId}</ResultField>
            <ResultField name="KeyPairSpec">{result.KeyPairSpec}</ResultField>
          </ResultRegion>
        ) : null
      }
    >
      <OperationChoice value={variant} onChange={setVariant} choices={VARIANTS} />
      <FormField label="Key pair spec">
        <Select
          selectedOption={{ value: spec, label: spec }}
          onChange={({ detail }) => setSpec(detail.selectedOption.value as DataKeyPairSpec)}
          options={KEY_PAIR_SPECS.map((value) => ({ value, label: value }))}
        />
      </FormField>
      <ContextField field={context} explain />
    </KeyedOperationForm>
  );
}
