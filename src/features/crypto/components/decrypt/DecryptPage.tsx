import type { DecryptCommandInput } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsClient } from '../../../../session/SessionProvider';
import { CheckPermissionButton } from '../../../../kms/CheckPermissionButton';
import { useDecrypt } from '../../api/decrypt';
import { useKeyMetadata } from '../../api/key-metadata';
import { buildCliCommand } from '../../cli/cli-command';
import { ciphertextOrigin } from '../../model/ciphertext-origins';
import { readDeepLink, readHandoff } from '../../model/deep-link';
import {
  ALL_ENCRYPTION_ALGORITHMS,
  CIPHERTEXT_MAX,
  isRsaEncryptionKey,
} from '../../model/key-capabilities';
import { isRsaOaepAlgorithm } from '../../webcrypto/rsa-oaep';
import { AlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { GrantTokensField, parseGrantTokens } from '../shared/GrantTokensField';
import { initialCiphertext } from '../shared/initial-ciphertext';
import { KeyField, keyFieldError } from '../shared/KeyField';
import { OperationError } from '../shared/OperationError';
import { OperationForm } from '../shared/OperationForm';
import { ResultField, ResultRegion } from '../shared/Result';
import { useCliTarget } from '../shared/use-cli-target';

export default function DecryptPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const [link] = useState(() => readDeepLink(params));
  const [handoff] = useState(() => readHandoff(location.state));
  const kms = useKmsClient();
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(link.keyId);
  const [algorithm, setAlgorithm] = useState(handoff.encryptionAlgorithm ?? '');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const context = useContextField(link.contextRows);
  const ciphertext = useByteField(
    { max: CIPHERTEXT_MAX, min: 1, subject: 'Decrypt takes a CiphertextBlob of' },
    () => initialCiphertext(location.state),
  );
  const decrypt = useDecrypt();
  const [sent, setSent] = useState<DecryptCommandInput>();

  const metadata = key.metadata;
  const rsaKey = isRsaEncryptionKey(metadata);
  const keyGiven = keyId.trim() !== '';
  const algorithms = metadata?.EncryptionAlgorithms ?? ALL_ENCRYPTION_ALGORITHMS;
  const chosenAlgorithm = algorithms.includes(algorithm as never) ? algorithm : '';
  const rsa = rsaKey || isRsaOaepAlgorithm(chosenAlgorithm);
  const tokens = parseGrantTokens(grantTokens);
  const algorithmError =
    rsaKey && !isRsaOaepAlgorithm(chosenAlgorithm)
      ? 'RSA ciphertext needs the algorithm it was encrypted with.'
      : undefined;
  const otherFieldsValid =
    !keyFieldError(keyId, false) &&
    (rsa || context.evaluation.valid) &&
    !tokens.error &&
    !algorithmError &&
    !(isRsaOaepAlgorithm(chosenAlgorithm) && !keyGiven);
  const valid = ciphertext.evaluation.bytes !== undefined && otherFieldsValid;

  const fields: DecryptCommandInput = {
    KeyId: keyGiven ? keyId.trim() : undefined,
    EncryptionContext: rsa ? undefined : context.evaluation.context,
    EncryptionAlgorithm: (chosenAlgorithm ||
      undefined) as DecryptCommandInput['EncryptionAlgorithm'],
    GrantTokens: tokens.tokens,
  };
  const input: DecryptCommandInput | undefined = valid
    ? { CiphertextBlob: ciphertext.evaluation.bytes, ...fields }
    : undefined;
  // "Check permission" may leave the ciphertext out (IGNORE_CIPHERTEXT) when the key is given.
  const checkInput =
    input ?? (ciphertext.evaluation.empty && keyGiven && otherFieldsValid ? fields : undefined);

  const submit = () => {
    setShowErrors(true);
    if (!input) return;
    setSent(input);
    void decrypt.run(input);
  };

  const result = decrypt.state.data;
  return (
    <CryptoPage
      title="Decrypt"
      description="Decrypt a KMS ciphertext. The plaintext is shown in this page only and forgotten when you leave it."
    >
      {link.contextError ? <Alert type="warning">{link.contextError}</Alert> : null}
      <OperationForm
        submitLabel="Decrypt"
        busy={decrypt.state.status === 'pending'}
        onSubmit={submit}
        cli={() => input && buildCliCommand('Decrypt', { ...input }, target)}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={checkInput && { operation: 'Decrypt', input: checkInput }}
            onInvalid={() => setShowErrors(true)}
          />
        }
      >
        <ByteInput
          label="Ciphertext"
          field={ciphertext}
          showRequired={showErrors}
          description="The CiphertextBlob from Encrypt, ReEncrypt or GenerateDataKey: its bytes, or their base64."
        />
        {rsa ? (
          <Alert type="info">
            RSA ciphertext has no encryption context, so the field is hidden.
          </Alert>
        ) : (
          <ContextField field={context} explain />
        )}
        <KeyField
          value={keyId}
          onChange={setKeyId}
          metadata={metadata}
          loading={key.loading}
          required={false}
          showErrors={showErrors}
          description="Optional for symmetric ciphertext (it names its key), but recommended: KMS then refuses ciphertext of any other key. Required for RSA ciphertext."
        />
        {keyGiven ? (
          <AlgorithmSelect
            label="Encryption algorithm"
            value={chosenAlgorithm}
            onChange={setAlgorithm}
            options={algorithms.filter((a) => a !== 'SYMMETRIC_DEFAULT')}
            defaultLabel={rsaKey ? undefined : 'SYMMETRIC_DEFAULT (default)'}
            errorText={showErrors ? algorithmError : undefined}
          />
        ) : null}
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {decrypt.state.status === 'error' ? (
        <OperationError
          error={decrypt.state.error}
          operation="Decrypt"
          hints={{
            ciphertextKeyId: ciphertextOrigin(kms, sent?.CiphertextBlob),
            contextPairs:
              sent?.EncryptionAlgorithm && sent.EncryptionAlgorithm !== 'SYMMETRIC_DEFAULT'
                ? undefined
                : Object.keys(sent?.EncryptionContext ?? {}).length,
            keyId: sent?.KeyId,
          }}
        />
      ) : null}
      {result?.Plaintext ? (
        <ResultRegion requestId={result.requestId}>
          <ByteOutput
            name="Plaintext"
            bytes={result.Plaintext}
            fileName="plaintext.bin"
            description="Shown as text when it is valid UTF-8, otherwise as base64."
          />
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="EncryptionAlgorithm">{result.EncryptionAlgorithm}</ResultField>
        </ResultRegion>
      ) : null}
    </CryptoPage>
  );
}
