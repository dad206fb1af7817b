import Alert from '@cloudscape-design/components/alert';
import type { KeyAgreementAlgorithmSpec } from '@aws-sdk/client-kms';
import { useMemo, useState } from 'react';
import { ByteInput } from '../../../../bytes/ByteInput';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { publicKeyDer } from '../../../../bytes/pem';
import { useByteField } from '../../../../bytes/use-byte-field';
import { useDeepLink } from '../../../../ui/deep-link';
import { useKmsOperation } from '../../api/use-kms-operation';
import { AlgorithmSelect } from '../shared/AlgorithmSelect';
import { CryptoPage } from '../shared/CryptoPage';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { ResultField, ResultRegion } from '../shared/Result';
import { useKeyedRequest } from '../shared/use-keyed-request';

/** PublicKeyType of the KMS model; a SubjectPublicKeyInfo is 91 to 158 bytes for NIST curves. */
const PUBLIC_KEY_LIMIT = { min: 1, max: 8192, subject: 'DeriveSharedSecret takes a PublicKey of' };
const KEY_AGREEMENT_ALGORITHMS = ['ECDH'];

/**
 * DeriveSharedSecret: ECDH between the private key of a KMS key pair (usage KEY_AGREEMENT) and
 * the other party's public key. The raw shared secret comes back like plaintext: shown masked,
 * never kept beyond this page.
 */
export default function DeriveSharedSecretPage() {
  const link = useDeepLink();
  const request = useKeyedRequest(link.keyId);
  const publicKey = useByteField(PUBLIC_KEY_LIMIT, { binary: true });
  const [chosenAlgorithm, setAlgorithm] = useState('ECDH');
  const derive = useKmsOperation('DeriveSharedSecret');
  const algorithms = request.key.metadata?.KeyAgreementAlgorithms ?? KEY_AGREEMENT_ALGORITHMS;
  const algorithm = algorithms.includes(chosenAlgorithm as KeyAgreementAlgorithmSpec)
    ? chosenAlgorithm
    : (algorithms[0] ?? '');

  // A PEM public key (pasted as text, or a .pem file) becomes the DER that KMS takes.
  const der = useMemo(
    () => (publicKey.evaluation.bytes ? publicKeyDer(publicKey.evaluation.bytes) : undefined),
    [publicKey.evaluation.bytes],
  );
  const publicKeyError = der && !der.ok ? der.error : undefined;
  const input =
    request.ready && der?.ok && algorithm !== ''
      ? {
          KeyId: request.key.id,
          KeyAgreementAlgorithm: algorithm as KeyAgreementAlgorithmSpec,
          PublicKey: der.bytes,
          GrantTokens: request.tokens,
        }
      : undefined;
  const result = derive.state.data;

  return (
    <CryptoPage
      title="Derive shared secret"
      description="ECDH key agreement (DeriveSharedSecret): KMS combines the private key of a key pair with the other party's public key. Both parties get the same raw secret; derive keys from it with a key derivation function (NIST SP 800-56C)."
    >
      <KeyedOperationForm
        operation="DeriveSharedSecret"
        input={input}
        request={request}
        keyField={{
          description:
            'An ECC_NIST_P256, ECC_NIST_P384 or ECC_NIST_P521 key with key usage KEY_AGREEMENT.',
          placeholder: 'alias/my-agreement-key',
        }}
        submitLabel="Derive shared secret"
        call={derive}
        result={
          result?.SharedSecret ? (
            <ResultRegion requestId={result.requestId}>
              <ResultField name="KeyId">{result.KeyId}</ResultField>
              <ByteOutput
                name="SharedSecret"
                bytes={result.SharedSecret}
                fileName="shared-secret.bin"
                defaultFormat="base64"
                sensitive
              />
              <ResultField name="KeyAgreementAlgorithm">{result.KeyAgreementAlgorithm}</ResultField>
              <ResultField name="KeyOrigin">{result.KeyOrigin}</ResultField>
            </ResultRegion>
          ) : null
        }
      >
        <ByteInput
          label="Public key"
          field={publicKey}
          description="The other party's public key, on the same curve as the KMS key: PEM (-----BEGIN PUBLIC KEY-----) as text or a .pem file, or DER (SubjectPublicKeyInfo, what GetPublicKey returns) as base64, hex or a .der file."
          showRequired={request.showErrors}
          rows={6}
        />
        {publicKeyError ? <PublicKeyProblem message={publicKeyError} /> : null}
        <AlgorithmSelect
          label="Key agreement algorithm"
          value={algorithm}
          onChange={setAlgorithm}
          options={algorithms}
          description="ECDH is the only one KMS offers."
        />
      </KeyedOperationForm>
    </CryptoPage>
  );
}

function PublicKeyProblem({ message }: { message: string }) {
  return (
    <Alert type="error" header="The public key cannot be sent">
      {message}
    </Alert>
  );
}
