import type { DataKeyPairSpec, GenerateDataKeyPairCommandInput } from '@aws-sdk/client-kms';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ByteOutput } from '../../../bytes/ByteOutput';
import { ContextEditor } from '../../../bytes/ContextEditor';
import type { ContextRow } from '../../../bytes/encryption-context';
import { useContextField } from '../../../bytes/use-context-field';
import { CheckPermissionButton } from '../../../kms/CheckPermissionButton';
import { useGenerateDataKeyPair } from '../api/generate-data-key-pair';
import { useGenerateDataKeyPairWithoutPlaintext } from '../api/generate-data-key-pair-without-plaintext';
import { useKeyMetadata } from '../api/key-metadata';
import { buildCliCommand } from '../cli/cli-command';
import { GrantTokensField, parseGrantTokens } from './GrantTokensField';
import { KeyField, keyFieldError } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { ResultField, ResultRegion } from './Result';
import { useCliTarget } from './use-cli-target';

type Variant = 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext';

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
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(initialKeyId);
  const [variant, setVariant] = useState<Variant>('GenerateDataKeyPair');
  const [spec, setSpec] = useState<DataKeyPairSpec>('ECC_NIST_P256');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const context = useContextField(initialContext);
  const withPlaintext = useGenerateDataKeyPair();
  const withoutPlaintext = useGenerateDataKeyPairWithoutPlaintext();

  const tokens = parseGrantTokens(grantTokens);
  const valid = !keyFieldError(keyId, true) && context.evaluation.valid && !tokens.error;
  const input: GenerateDataKeyPairCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        KeyPairSpec: spec,
        EncryptionContext: context.evaluation.context,
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const cli = input ? buildCliCommand(variant, { ...input }, target) : undefined;
  const operation = variant === 'GenerateDataKeyPair' ? withPlaintext : withoutPlaintext;

  const submit = () => {
    setShowErrors(true);
    if (!input) return;
    withPlaintext.reset();
    withoutPlaintext.reset();
    void operation.run(input);
  };

  const result = withPlaintext.state.data ?? withoutPlaintext.state.data;
  const privatePlaintext = withPlaintext.state.data?.PrivateKeyPlaintext;
  const failure = withPlaintext.state.error ?? withoutPlaintext.state.error;

  return (
    <SpaceBetween size="l">
      <OperationForm
        heading="Data key pair"
        description="An RSA or elliptic curve key pair for signing or encryption outside KMS; KMS encrypts the private key under a symmetric key."
        submitLabel="Generate data key pair"
        busy={operation.state.status === 'pending'}
        onSubmit={submit}
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
          description="A symmetric encryption key: it encrypts the private key."
          placeholder="alias/demo-app"
        />
        <FormField label="Operation">
          <RadioGroup
            value={variant}
            onChange={({ detail }) => setVariant(detail.value as Variant)}
            items={[
              {
                value: 'GenerateDataKeyPair',
                label: 'GenerateDataKeyPair',
                description: 'The public key, the private key in plaintext and encrypted.',
              },
              {
                value: 'GenerateDataKeyPairWithoutPlaintext',
                label: 'GenerateDataKeyPairWithoutPlaintext',
                description: 'The public key and the encrypted private key only.',
              },
            ]}
          />
        </FormField>
        <FormField label="Key pair spec">
          <Select
            selectedOption={{ value: spec, label: spec }}
            onChange={({ detail }) => setSpec(detail.selectedOption.value as DataKeyPairSpec)}
            options={KEY_PAIR_SPECS.map((value) => ({ value, label: value }))}
          />
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
      {result?.PublicKey ? (
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
      ) : null}
    </SpaceBetween>
  );
}
