import type { DataKeyPairSpec } from '@aws-sdk/client-kms';
import { generateKeyMaterialAsync, publicKeyDer } from './material';
import { isKeyPairSpec, UnsupportedKeySpecError } from './specs';

/** A GenerateDataKeyPair result before the private key is sealed under the KMS key. */
export interface DataKeyPair {
  /** PKCS #8 DER: what KMS returns as PrivateKeyPlaintext. */
  privateKeyDer: Buffer;
  /** SubjectPublicKeyInfo DER: what KMS returns as PublicKey. */
  publicKeyDer: Buffer;
}

/**
 * A new key pair for GenerateDataKeyPair(WithoutPlaintext). Asynchronous because RSA_4096 takes
 * about a second. Accepts the SDK's DataKeyPairSpec; SM2, ML_KEM_* and ECC_NIST_EDWARDS25519
 * throw UnsupportedKeySpecError.
 */
export async function generateDataKeyPair(keyPairSpec: DataKeyPairSpec): Promise<DataKeyPair> {
  if (!isKeyPairSpec(keyPairSpec)) throw new UnsupportedKeySpecError(keyPairSpec);
  const privateKeyDer = await generateKeyMaterialAsync(keyPairSpec);
  return { privateKeyDer, publicKeyDer: publicKeyDer(keyPairSpec, privateKeyDer) };
}
