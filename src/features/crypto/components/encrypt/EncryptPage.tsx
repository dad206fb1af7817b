import type { EncryptCommandInput } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsClient } from '../../../../session/SessionProvider';
import { CheckPermissionButton } from '../../../../kms/CheckPermissionButton';
import { useEncrypt } from '../../api/encrypt';
import { usePublicKey } from '../../../../kms/api/get-public-key';
import { useKeyMetadata } from '../../api/key-metadata';
import { buildCliCommand, type CliCommand } from '../../cli/cli-command';
import { rememberCiphertext } from '../../model/ciphertext-origins';
import { readDeepLink } from '../../model/deep-link';
import {
  ALL_ENCRYPTION_ALGORITHMS,
  isRsaEncryptionKey,
  PLAINTEXT_MAX,
  rsaPlaintextLimit,
} from '../../model/key-capabilities';
import { isRsaOaepAlgorithm, opensslCommand } from '../../webcrypto/rsa-oaep';
import { AlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { EncryptResult, type EncryptOutcome } from './EncryptResult';
import { GrantTokensField, parseGrantTokens } from '../shared/GrantTokensField';
import { KeyField, keyFieldError } from '../shared/KeyField';
import { OperationError } from '../shared/OperationError';
import { OperationForm } from '../shared/OperationForm';
import { useCliTarget } from '../shared/use-cli-target';
import { usePublicKeyEncrypt } from './use-public-key-encrypt';

type Where = 'kms' | 'browser';

export default function EncryptPage() {
  const [params] = useSearchParams();
  const [link] = useState(() => readDeepLink(params));
  const kms = useKmsClient();
  const target = useCliTarget();
  const [keyId, setKeyId] = useState(link.keyId);
  const [algorithm, setAlgorithm] = useState('');
  const [grantTokens, setGrantTokens] = useState('');
  const [where, setWhere] = useState<Where>('kms');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const context = useContextField(link.contextRows);
  const encrypt = useEncrypt();
  const browserEncrypt = usePublicKeyEncrypt();
  const [outcome, setOutcome] = useState<EncryptOutcome>();

  const metadata = key.metadata;
  const rsaKey = isRsaEncryptionKey(metadata);
  const algorithms = metadata?.EncryptionAlgorithms ?? ALL_ENCRYPTION_ALGORITHMS;
  const chosenAlgorithm = algorithms.includes(algorithm as never) ? algorithm : '';
  // RSA: the key says so, or (key not describable) the user chose an RSA algorithm.
  const rsa = rsaKey || isRsaOaepAlgorithm(chosenAlgorithm);
  const rsaLimit = rsaPlaintextLimit(metadata?.KeySpec, chosenAlgorithm);
  const plaintext = useByteField({
    max: rsaLimit ?? PLAINTEXT_MAX,
    min: 1,
    subject: rsaLimit ? `${metadata?.KeySpec} with ${chosenAlgorithm} encrypts` : 'Encrypt takes',
  });
  const inBrowser = where === 'browser' && rsaKey;
  const publicKey = usePublicKey(keyId.trim(), { enabled: inBrowser });

  const tokens = parseGrantTokens(grantTokens);
  const algorithmError =
    rsa && !isRsaOaepAlgorithm(chosenAlgorithm)
      ? 'RSA keys need an encryption algorithm.'
      : undefined;
  const valid =
    !keyFieldError(keyId, true) &&
    plaintext.evaluation.bytes !== undefined &&
    (rsa || context.evaluation.valid) &&
    !tokens.error &&
    !algorithmError;

  const input: EncryptCommandInput | undefined = valid
    ? {
        KeyId: keyId.trim(),
        Plaintext: plaintext.evaluation.bytes,
        // RSA keys take no encryption context (KMS refuses one): the field is hidden for them.
        EncryptionContext: rsa ? undefined : context.evaluation.context,
        EncryptionAlgorithm: (chosenAlgorithm ||
          undefined) as EncryptCommandInput['EncryptionAlgorithm'],
        GrantTokens: tokens.tokens,
      }
    : undefined;

  const cli = (): CliCommand | undefined =>
    input && inBrowser && isRsaOaepAlgorithm(chosenAlgorithm)
      ? browserCli(
          buildCliCommand('GetPublicKey', { KeyId: input.KeyId }, target),
          chosenAlgorithm,
          input,
        )
      : input
        ? buildCliCommand('Encrypt', { ...input }, target)
        : undefined;

  const submit = async () => {
    setShowErrors(true);
    if (!input) return;
    browserEncrypt.reset();
    encrypt.reset();
    setOutcome(undefined);
    if (inBrowser && isRsaOaepAlgorithm(chosenAlgorithm)) {
      const der = publicKey.data?.PublicKey ?? (await publicKey.refetch()).data?.PublicKey;
      if (!der) return;
      const ciphertext = await browserEncrypt.run(der, chosenAlgorithm, input.Plaintext!);
      if (ciphertext && metadata?.Arn) {
        setOutcome({
          source: 'browser',
          result: {
            CiphertextBlob: ciphertext,
            KeyId: metadata.Arn,
            EncryptionAlgorithm: chosenAlgorithm,
          },
          keyId: input.KeyId!,
          serial: Date.now(),
        });
      }
      return;
    }
    const result = await encrypt.run(input);
    if (result?.CiphertextBlob && result.KeyId) {
      rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
      setOutcome({
        source: 'kms',
        result,
        keyId: input.KeyId!,
        context: input.EncryptionContext,
        serial: Date.now(),
      });
    }
  };

  const failure =
    encrypt.state.error ?? browserEncrypt.error ?? (inBrowser ? publicKey.error : undefined);

  return (
    <CryptoPage
      title="Encrypt"
      description="Encrypt up to 4 KB with a KMS key. The plaintext is encoded in this browser and sent only to KMS."
    >
      {link.contextError ? <Alert type="warning">{link.contextError}</Alert> : null}
      <OperationForm
        submitLabel="Encrypt"
        busy={encrypt.state.status === 'pending' || browserEncrypt.pending}
        onSubmit={() => void submit()}
        cli={cli}
        onInvalid={() => setShowErrors(true)}
        extraActions={
          <CheckPermissionButton
            request={input && { operation: 'Encrypt', input }}
            onInvalid={() => setShowErrors(true)}
          />
        }
      >
        <KeyField
          value={keyId}
          onChange={setKeyId}
          metadata={metadata}
          loading={key.loading}
          showErrors={showErrors}
          placeholder="alias/demo-app"
        />
        {rsaKey ? (
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
          showRequired={showErrors}
          sensitive
          description={
            rsaLimit
              ? `RSA encrypts little: ${rsaLimit} bytes with this key and algorithm. Encrypt larger data with a data key.`
              : 'Up to 4,096 bytes. For more, encrypt with a data key (envelope encryption).'
          }
        />
        {rsa ? (
          <Alert type="info">RSA keys take no encryption context, so the field is hidden.</Alert>
        ) : (
          <ContextField field={context} explain />
        )}
        <AlgorithmSelect
          label="Encryption algorithm"
          value={chosenAlgorithm}
          onChange={setAlgorithm}
          options={algorithms.filter((a) => a !== 'SYMMETRIC_DEFAULT')}
          defaultLabel={rsaKey ? undefined : 'SYMMETRIC_DEFAULT (default)'}
          description={
            metadata
              ? 'The algorithms this key supports.'
              : 'The key could not be described: every algorithm is offered, KMS checks it.'
          }
          errorText={showErrors ? algorithmError : undefined}
        />
        {inBrowser ? null : <GrantTokensField value={grantTokens} onChange={setGrantTokens} />}
      </OperationForm>
      {failure ? (
        <OperationError error={failure} operation="Encrypt" context={context.evaluation.context} />
      ) : null}
      {outcome ? <EncryptResult key={outcome.serial} outcome={outcome} /> : null}
    </CryptoPage>
  );
}

/** GetPublicKey with the AWS CLI, then the same RSA-OAEP encryption with OpenSSL. */
function browserCli(
  getPublicKey: CliCommand,
  algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256',
  input: EncryptCommandInput,
): CliCommand {
  return {
    text: `${getPublicKey.text} &&\n${opensslCommand(algorithm, 'public-key.der')}`,
    inputs: [{ member: 'Plaintext', name: 'plaintext.bin', bytes: input.Plaintext! }],
    outputs: ['public-key.der', 'ciphertext.bin'],
  };
}
