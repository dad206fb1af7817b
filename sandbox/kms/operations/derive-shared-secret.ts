import type {
  DeriveSharedSecretCommandInput,
  DeriveSharedSecretCommandOutput,
} from '@aws-sdk/client-kms';
import { validationMessage } from '../../protocol/errors';
import type { KeyRecord } from '../../store/records';
import { readGrantTokens, rejectRecipient } from '../crypto-validation';
import { dryRunGate, readDryRun } from '../dry-run';
import { asymmetricMaterial, requireEnabled, requireUsage, resolveKey } from '../key-lookup';
import {
  deriveSharedSecret as ecdh,
  PeerPublicKeyError,
  type CurveName,
  type PeerPublicKeyProblem,
} from '../keys';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DeriveSharedSecretCommandOutput, '$metadata'>;

/** KeyAgreementAlgorithmSpec and PublicKeyType of the KMS model. */
const KEY_AGREEMENT_ALGORITHM_ENUM = ['ECDH'] as const;
const PUBLIC_KEY_RULE = { required: true, min: 1, max: 8192 } as const;

/**
 * ECDH between the private key of a KEY_AGREEMENT key and a peer's public key: the raw shared
 * secret, as KMS returns it. Recipient (a Nitro Enclaves attestation document) is refused, as for
 * every operation: the sandbox cannot verify one, so it never returns plaintext the caller
 * expected sealed to an enclave.
 */
export function deriveSharedSecret(
  input: DeriveSharedSecretCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const algorithm = v.string('KeyAgreementAlgorithm', {
    required: true,
    enum: KEY_AGREEMENT_ALGORITHM_ENUM,
  });
  const publicKey = v.bytes('PublicKey', PUBLIC_KEY_RULE);
  const grantTokens = readGrantTokens(v);
  const dryRun = readDryRun(v);
  v.done();
  rejectRecipient(input);

  const { key, requestAlias } = resolveKey(ctx, keyId);
  ctx.authorize({
    action: 'kms:DeriveSharedSecret',
    key,
    requestAlias,
    grantTokens,
    conditionKeys: { 'kms:KeyAgreementAlgorithm': algorithm },
  });
  requireUsage(key, 'KEY_AGREEMENT', 'DeriveSharedSecret');
  requireEnabled(key);

  let secret: Buffer;
  try {
    secret = ecdh({ material: asymmetricMaterial(ctx, key), publicKey: Buffer.from(publicKey) });
  } catch (error) {
    if (error instanceof PeerPublicKeyError) throw invalidPublicKey(key, error.problem);
    throw error;
  }
  if (dryRun.dryRun) secret.fill(0);
  dryRunGate(dryRun);
  return {
    KeyId: key.arn,
    SharedSecret: secret,
    KeyAgreementAlgorithm: 'ECDH',
    KeyOrigin: key.origin,
  };
}

const SPEC_OF_CURVE: Readonly<Record<CurveName, string>> = {
  prime256v1: 'ECC_NIST_P256',
  secp384r1: 'ECC_NIST_P384',
  secp521r1: 'ECC_NIST_P521',
  secp256k1: 'ECC_SECG_P256K1',
};

/**
 * AWS answers an unusable PublicKey with ValidationException and does not document its message;
 * this one says what is wrong and what would work.
 */
function invalidPublicKey(key: KeyRecord, problem: PeerPublicKeyProblem) {
  if (problem.kind === 'unreadable') {
    return validationMessage(
      `PublicKey must be a DER-encoded X.509 SubjectPublicKeyInfo (RFC 5280) of a point on the ${key.keySpec} curve. A PEM file must be base64-decoded without its BEGIN/END lines first; AWS CLI v1 needs the DER in a file (fileb://).`,
    );
  }
  const what =
    problem.keyType !== 'ec'
      ? `an ${problem.keyType.toUpperCase()} public key`
      : `a public key on ${
          problem.curve !== undefined && Object.hasOwn(SPEC_OF_CURVE, problem.curve)
            ? SPEC_OF_CURVE[problem.curve as CurveName]
            : (problem.curve ?? 'another curve')
        }`;
  return validationMessage(
    `PublicKey is ${what}, but ${key.arn} is an ${key.keySpec} key: both key pairs must use the same elliptic curve.`,
  );
}
