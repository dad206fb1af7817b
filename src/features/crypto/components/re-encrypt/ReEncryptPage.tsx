import type { ReEncryptCommandInput } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { encodeBytes } from '../../../../bytes/codecs';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsClient } from '../../../../session/SessionProvider';
import { CheckPermissionButton } from '../../../../kms/CheckPermissionButton';
import { useKeyMetadata } from '../../api/key-metadata';
import { useReEncrypt } from '../../api/re-encrypt';
import { buildCliCommand } from '../../cli/cli-command';
import { ciphertextOrigin, rememberCiphertext } from '../../model/ciphertext-origins';
import {
  deepLinkSearch,
  readDeepLink,
  readHandoff,
  type CryptoHandoff,
} from '../../model/deep-link';
import {
  ALL_ENCRYPTION_ALGORITHMS,
  CIPHERTEXT_MAX,
  isRsaEncryptionKey,
} from '../../model/key-capabilities';
import { isRsaOaepAlgorithm } from '../../webcrypto/rsa-oaep';
import { AlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { initialCiphertext } from '../shared/initial-ciphertext';
import { GrantTokensField, parseGrantTokens } from '../shared/GrantTokensField';
import { KeyField, keyFieldError } from '../shared/KeyField';
import { OperationError } from '../shared/OperationError';
import { OperationForm } from '../shared/OperationForm';
import { ResultField, ResultRegion } from '../shared/Result';
import { useCliTarget } from '../shared/use-cli-target';

/** One side of ReEncrypt: a key, its algorithm, and (for symmetric keys) its context. */
function useSide(keyId: string, algorithm: string, required: boolean) {
  const key = useKeyMetadata(keyId);
  const rsaKey = isRsaEncryptionKey(key.metadata);
  const algorithms = key.metadata?.EncryptionAlgorithms ?? ALL_ENCRYPTION_ALGORITHMS;
  const chosen = algorithms.includes(algorithm as never) ? algorithm : '';
  return {
    key,
    rsaKey,
    algorithms,
    chosen,
    rsa: rsaKey || isRsaOaepAlgorithm(chosen),
    algorithmError:
      rsaKey && !isRsaOaepAlgorithm(chosen) ? 'RSA keys need an encryption algorithm.' : undefined,
    keyError: keyFieldError(keyId, required),
  };
}

export default function ReEncryptPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [link] = useState(() => readDeepLink(params));
  const [handoff] = useState(() => readHandoff(location.state));
  const kms = useKmsClient();
  const target = useCliTarget();
  const ciphertext = useByteField(
    { max: CIPHERTEXT_MAX, min: 1, subject: 'ReEncrypt takes a CiphertextBlob of' },
    () => initialCiphertext(location.state),
  );
  const [sourceKeyId, setSourceKeyId] = useState('');
  const [sourceAlgorithm, setSourceAlgorithm] = useState(handoff.encryptionAlgorithm ?? '');
  const [destinationKeyId, setDestinationKeyId] = useState(link.keyId);
  const [destinationAlgorithm, setDestinationAlgorithm] = useState('');
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  // A deep link's context is the source's, and usually also the destination's: re-encrypting
  // under a new key rarely changes what the data is about.
  const sourceContext = useContextField(link.contextRows);
  const destinationContext = useContextField(link.contextRows);
  const source = useSide(sourceKeyId, sourceAlgorithm, false);
  const destination = useSide(destinationKeyId, destinationAlgorithm, true);
  const reEncrypt = useReEncrypt();
  const [sent, setSent] = useState<ReEncryptCommandInput>();
  const tokens = parseGrantTokens(grantTokens);
  const sourceGiven = sourceKeyId.trim() !== '';

  const otherFieldsValid =
    !source.keyError &&
    !destination.keyError &&
    !source.algorithmError &&
    !destination.algorithmError &&
    (source.rsa || sourceContext.evaluation.valid) &&
    (destination.rsa || destinationContext.evaluation.valid) &&
    !(isRsaOaepAlgorithm(source.chosen) && !sourceGiven) &&
    !tokens.error;
  const valid = ciphertext.evaluation.bytes !== undefined && otherFieldsValid;

  const fields: ReEncryptCommandInput | undefined = otherFieldsValid
    ? {
        SourceKeyId: sourceGiven ? sourceKeyId.trim() : undefined,
        SourceEncryptionContext: source.rsa ? undefined : sourceContext.evaluation.context,
        SourceEncryptionAlgorithm: (source.chosen ||
          undefined) as ReEncryptCommandInput['SourceEncryptionAlgorithm'],
        DestinationKeyId: destinationKeyId.trim(),
        DestinationEncryptionContext: destination.rsa
          ? undefined
          : destinationContext.evaluation.context,
        DestinationEncryptionAlgorithm: (destination.chosen ||
          undefined) as ReEncryptCommandInput['DestinationEncryptionAlgorithm'],
        GrantTokens: tokens.tokens,
      }
    : undefined;
  const input: ReEncryptCommandInput | undefined =
    valid && fields ? { CiphertextBlob: ciphertext.evaluation.bytes, ...fields } : undefined;
  // "Check permission" may leave the ciphertext out (IGNORE_CIPHERTEXT): the source key decides.
  const checkInput = input ?? (ciphertext.evaluation.empty && sourceGiven ? fields : undefined);

  const submit = async () => {
    setShowErrors(true);
    if (!input) return;
    setSent(input);
    const result = await reEncrypt.run(input);
    if (result?.CiphertextBlob && result.KeyId)
      rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
  };

  const result = reEncrypt.state.data;
  const sendToDecrypt = () => {
    if (!result?.CiphertextBlob || !sent) return;
    const algorithm = result.DestinationEncryptionAlgorithm;
    const state: CryptoHandoff = {
      ciphertext: encodeBytes(result.CiphertextBlob, 'base64'),
      encryptionAlgorithm: algorithm === 'SYMMETRIC_DEFAULT' ? undefined : algorithm,
    };
    void navigate(
      `/decrypt${deepLinkSearch(sent.DestinationKeyId, sent.DestinationEncryptionContext)}`,
      {
        state,
      },
    );
  };

  return (
    <CryptoPage
      title="Re-encrypt"
      description="Decrypt and encrypt again under another key (or another context) inside KMS: the plaintext never leaves it."
    >
      {link.contextError ? <Alert type="warning">{link.contextError}</Alert> : null}
      <OperationForm
        submitLabel="Re-encrypt"
        busy={reEncrypt.state.status === 'pending'}
        onSubmit={() => void submit()}
        cli={() => input && buildCliCommand('ReEncrypt', { ...input }, target)}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={checkInput && { operation: 'ReEncrypt', input: checkInput }}
            onInvalid={() => setShowErrors(true)}
          />
        }
      >
        <ByteInput
          label="Ciphertext"
          field={ciphertext}
          showRequired={showErrors}
          description="The CiphertextBlob to re-encrypt: its bytes, or their base64."
        />
        <ColumnLayout columns={2} variant="text-grid">
          <SpaceBetween size="l">
            <Header variant="h3">From</Header>
            <KeyField
              label="Source key"
              value={sourceKeyId}
              onChange={setSourceKeyId}
              metadata={source.key.metadata}
              loading={source.key.loading}
              required={false}
              showErrors={showErrors}
              description="Optional for symmetric ciphertext; required for RSA ciphertext."
            />
            {sourceGiven ? (
              <AlgorithmSelect
                label="Source encryption algorithm"
                value={source.chosen}
                onChange={setSourceAlgorithm}
                options={source.algorithms.filter((a) => a !== 'SYMMETRIC_DEFAULT')}
                defaultLabel={source.rsaKey ? undefined : 'SYMMETRIC_DEFAULT (default)'}
                errorText={showErrors ? source.algorithmError : undefined}
              />
            ) : null}
            {source.rsa ? null : (
              <ContextField label="Source encryption context" field={sourceContext} explain />
            )}
          </SpaceBetween>
          <SpaceBetween size="l">
            <Header variant="h3">To</Header>
            <KeyField
              label="Destination key"
              value={destinationKeyId}
              onChange={setDestinationKeyId}
              metadata={destination.key.metadata}
              loading={destination.key.loading}
              showErrors={showErrors}
            />
            <AlgorithmSelect
              label="Destination encryption algorithm"
              value={destination.chosen}
              onChange={setDestinationAlgorithm}
              options={destination.algorithms.filter((a) => a !== 'SYMMETRIC_DEFAULT')}
              defaultLabel={destination.rsaKey ? undefined : 'SYMMETRIC_DEFAULT (default)'}
              errorText={showErrors ? destination.algorithmError : undefined}
            />
            {destination.rsa ? null : (
              <ContextField
                label="Destination encryption context"
                field={destinationContext}
                description="The context the new ciphertext is bound to: Decrypt will need exactly these pairs."
              />
            )}
          </SpaceBetween>
        </ColumnLayout>
        <GrantTokensField value={grantTokens} onChange={setGrantTokens} />
      </OperationForm>
      {reEncrypt.state.status === 'error' ? (
        <OperationError
          error={reEncrypt.state.error}
          operation="ReEncrypt"
          hints={{
            ciphertextKeyId: ciphertextOrigin(kms, sent?.CiphertextBlob),
            contextPairs: sent?.SourceEncryptionAlgorithm?.startsWith('RSAES')
              ? undefined
              : Object.keys(sent?.SourceEncryptionContext ?? {}).length,
            keyId: sent?.SourceKeyId,
          }}
        />
      ) : null}
      {result?.CiphertextBlob ? (
        <ResultRegion
          requestId={result.requestId}
          actions={
            <Button variant="primary" onClick={sendToDecrypt}>
              Send to Decrypt
            </Button>
          }
        >
          <ByteOutput
            name="CiphertextBlob"
            bytes={result.CiphertextBlob}
            fileName="re-encrypted.bin"
            defaultFormat="base64"
          />
          <ResultField name="SourceKeyId">{result.SourceKeyId}</ResultField>
          <ResultField name="KeyId">{result.KeyId}</ResultField>
          <ResultField name="SourceEncryptionAlgorithm">
            {result.SourceEncryptionAlgorithm}
          </ResultField>
          <ResultField name="DestinationEncryptionAlgorithm">
            {result.DestinationEncryptionAlgorithm}
          </ResultField>
        </ResultRegion>
      ) : null}
    </CryptoPage>
  );
}
