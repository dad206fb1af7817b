import type { EncryptCommandInput } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { decodeBase64, encodeBytes } from '../../../../bytes/codecs';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useContextField } from '../../../../bytes/use-context-field';
import { usePublicKey } from '../../../../kms/api/get-public-key';
import { useKmsClient } from '../../../../session/SessionProvider';
import { useDeepLink } from '../../../../ui/deep-link';
import { DeepLinkWarning } from '../../../../ui/DeepLinkWarning';
import { useKmsOperation } from '../../api/use-kms-operation';
import { buildCliCommand, type CliCommand } from '../../cli/cli-command';
import { rememberCiphertext } from '../../model/ciphertext-origins';
import {
  readSavedEncryptForm,
  savedEncryptFormState,
  type SavedEncryptForm,
} from '../../model/encrypt-history';
import { PLAINTEXT_MAX, rsaPlaintextLimit } from '../../model/key-capabilities';
import {
  isRsaOaepAlgorithm,
  opensslCommand,
  type RsaOaepAlgorithm,
} from '../../webcrypto/rsa-oaep';
import { EncryptionAlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { useCliTarget } from '../shared/use-cli-target';
import { useEncryptionAlgorithm } from '../shared/use-encryption-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';
import { EncryptResult, type EncryptOutcome } from './EncryptResult';
import { usePublicKeyEncrypt } from './use-public-key-encrypt';

type Where = 'kms' | 'browser';

/** The result a saved form held, as the page shows it. */
function restoredOutcome(saved: SavedEncryptForm | undefined): EncryptOutcome | undefined {
  const result = saved?.result;
  const decoded = result && decodeBase64(result.ciphertext);
  if (!result || !decoded?.ok) return undefined;
  return {
    serial: Date.now(),
    source: result.source,
    result: {
      CiphertextBlob: decoded.bytes,
      KeyId: result.keyArn,
      EncryptionAlgorithm: result.encryptionAlgorithm,
      requestId: result.requestId,
    },
    keyId: result.keyId,
    context: result.context,
  };
}

export default function EncryptPage() {
  const link = useDeepLink();
  const location = useLocation();
  const navigate = useNavigate();
  // Back from Decrypt or Re-encrypt returns to the form as it was left (all but the plaintext).
  const [saved] = useState(() => readSavedEncryptForm(location.state));
  const kms = useKmsClient();
  const target = useCliTarget();
  const request = useKeyedRequest(saved?.keyId ?? link.keyId);
  const algorithm = useEncryptionAlgorithm(request.key, saved?.algorithm);
  const [where, setWhere] = useState<Where>(saved?.where ?? 'kms');
  const context = useContextField(saved?.contextRows ?? link.contextRows);
  const encrypt = useKmsOperation('Encrypt');
  const browserEncrypt = usePublicKeyEncrypt();
  const [outcome, setOutcome] = useState<EncryptOutcome | undefined>(() => restoredOutcome(saved));

  /** Keeps the form (never the plaintext) in this history entry before another page opens. */
  const saveForm = async () => {
    const result = outcome?.result;
    const form: SavedEncryptForm = {
      keyId: request.key.keyId,
      contextRows: context.rows,
      algorithm: algorithm.value,
      where,
      result:
        outcome && result?.CiphertextBlob
          ? {
              source: outcome.source,
              ciphertext: encodeBytes(result.CiphertextBlob, 'base64'),
              keyId: outcome.keyId,
              context: outcome.context,
              keyArn: result.KeyId,
              encryptionAlgorithm: result.EncryptionAlgorithm,
              requestId: result.requestId,
            }
          : undefined,
    };
    await navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: savedEncryptFormState(form) },
    );
  };

  const metadata = request.key.metadata;
  const rsaLimit = rsaPlaintextLimit(metadata?.KeySpec, algorithm.value);
  const plaintext = useByteField({
    max: rsaLimit ?? PLAINTEXT_MAX,
    min: 1,
    subject: rsaLimit ? `${metadata?.KeySpec} with ${algorithm.value} encrypts` : 'Encrypt takes',
  });
  const inBrowser = where === 'browser' && algorithm.rsaKey;
  const publicKey = usePublicKey(request.key.id, { enabled: inBrowser });
  // The public key encrypts only with an algorithm chosen: until then Encrypt is what is built.
  const browserAlgorithm =
    inBrowser && isRsaOaepAlgorithm(algorithm.value) ? algorithm.value : undefined;

  const algorithmError = algorithm.missing ? 'RSA keys need an encryption algorithm.' : undefined;
  const valid =
    request.ready &&
    plaintext.evaluation.bytes !== undefined &&
    (algorithm.rsa || context.evaluation.valid) &&
    !algorithmError;

  const input: EncryptCommandInput | undefined = valid
    ? {
        KeyId: request.key.id,
        Plaintext: plaintext.evaluation.bytes,
        // RSA keys take no encryption context (KMS refuses one): the field is hidden for them.
        EncryptionContext: algorithm.rsa ? undefined : context.evaluation.context,
        EncryptionAlgorithm: algorithm.spec,
        GrantTokens: request.tokens,
      }
    : undefined;

  const submit = async (ready: EncryptCommandInput) => {
    browserEncrypt.reset();
    encrypt.reset();
    if (browserAlgorithm) {
      const der = publicKey.data?.PublicKey ?? (await publicKey.refetch()).data?.PublicKey;
      if (!der) return;
      const ciphertext = await browserEncrypt.run(der, browserAlgorithm, ready.Plaintext!);
      if (ciphertext && metadata?.Arn) {
        setOutcome({
          source: 'browser',
          result: {
            CiphertextBlob: ciphertext,
            KeyId: metadata.Arn,
            EncryptionAlgorithm: browserAlgorithm,
          },
          keyId: ready.KeyId!,
          serial: Date.now(),
        });
      }
      return;
    }
    const result = await encrypt.run(ready);
    if (result?.CiphertextBlob && result.KeyId) {
      rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
      setOutcome({
        source: 'kms',
        result,
        keyId: ready.KeyId!,
        context: ready.EncryptionContext,
        serial: Date.now(),
      });
    }
  };

  const pending = encrypt.state.status === 'pending' || browserEncrypt.pending;
  const failure =
    encrypt.state.error ?? browserEncrypt.error ?? (inBrowser ? publicKey.error : undefined);

  return (
    <CryptoPage
      title="Encrypt"
      description="Encrypt up to 4 KB with a KMS key. The plaintext is encoded in this browser and sent only to KMS."
    >
      <DeepLinkWarning link={link} />
      <KeyedOperationForm
        operation="Encrypt"
        input={input}
        request={request}
        keyField={{ placeholder: 'alias/demo-app' }}
        submitLabel="Encrypt"
        call={{ state: { status: pending ? 'pending' : 'idle', error: failure }, run: submit }}
        errorContext={context.evaluation.context}
        cli={
          browserAlgorithm
            ? () =>
                input &&
                browserCli(
                  buildCliCommand('GetPublicKey', { KeyId: input.KeyId }, target),
                  browserAlgorithm,
                  input,
                )
            : undefined
        }
        grantTokens={!inBrowser}
        // One Result region from one encryption to the next: the new result updates it in place
        // (its output formats stay as chosen); a failure replaces it.
        result={outcome && !failure ? <EncryptResult outcome={outcome} onLeave={saveForm} /> : null}
      >
        {algorithm.rsaKey ? (
          <FormField
            label="Encrypt with"
            description="An RSA key's public key can encrypt anywhere; only KMS can decrypt."
          >
            <RadioGroup
              value={where}
              onChange={({ detail }) => setWhere(detail.value as Where)}
              items={[
                { value: 'kms', label: 'KMS', description: 'The Encrypt API.' },
                {
                  value: 'browser',
                  label: 'The public key, in this browser',
                  description:
                    'GetPublicKey, then RSA-OAEP with WebCrypto; nothing is sent but the key ID.',
                },
              ]}
            />
          </FormField>
        ) : null}
        <ByteInput
          label="Plaintext"
          field={plaintext}
          showRequired={request.showErrors}
          sensitive
          description={
            rsaLimit
              ? `RSA encrypts little: ${rsaLimit} bytes with this key and algorithm. Encrypt larger data with a data key.`
              : 'Up to 4,096 bytes. For more, encrypt with a data key (envelope encryption).'
          }
        />
        {algorithm.rsa ? (
          <Alert type="info">RSA keys take no encryption context, so the field is hidden.</Alert>
        ) : (
          <ContextField field={context} explain />
        )}
        <EncryptionAlgorithmSelect
          algorithm={algorithm}
          description={
            metadata
              ? 'The algorithms this key supports.'
              : request.key.id === ''
                ? 'Choose a key first: the list shows the algorithms it supports.'
                : request.key.loading
                  ? 'Describing the key…'
                  : 'The key could not be described: every algorithm is offered, KMS checks it.'
          }
          errorText={request.showErrors ? algorithmError : undefined}
        />
      </KeyedOperationForm>
    </CryptoPage>
  );
}

/** GetPublicKey with the AWS CLI, then the same RSA-OAEP encryption with OpenSSL. */
function browserCli(
  getPublicKey: CliCommand,
  algorithm: RsaOaepAlgorithm,
  input: EncryptCommandInput,
): CliCommand {
  return {
    text: `${getPublicKey.text} &&\n${opensslCommand(algorithm, 'public-key.der')}`,
    inputs: [{ member: 'Plaintext', name: 'plaintext.bin', bytes: input.Plaintext! }],
    outputs: ['public-key.der', 'ciphertext.bin'],
  };
}
