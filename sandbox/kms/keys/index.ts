/*
 * The sandbox's key cryptography: plain functions over Buffers, node:crypto only. Storage, key
 * state, authorization and AWS error shapes belong to the callers.
 */

export * from './specs';
export {
  CiphertextAuthError,
  CiphertextFormatError,
  InvalidCiphertextError,
  KeyMaterialError,
  PeerPublicKeyError,
  type PeerPublicKeyProblem,
} from './errors';
export {
  generateKeyMaterial,
  generateKeyMaterialAsync,
  privateKeyFromMaterial,
  publicKeyDer,
} from './material';
export {
  BLOB_VERSION,
  canonicalEncryptionContext,
  newMaterialId,
  openSymmetric,
  parseSymmetricBlob,
  sealSymmetric,
  SYMMETRIC_BLOB_OVERHEAD,
  type EncryptionContext,
  type OpenSymmetricInput,
  type SealSymmetricInput,
  type SymmetricBlobHeader,
} from './ciphertext-blob';
export {
  deriveSharedSecret,
  rsaDecrypt,
  rsaEncrypt,
  signMessage,
  verifySignature,
  type DeriveSharedSecretInput,
  type RsaDecryptInput,
  type RsaEncryptInput,
  type SignInput,
  type VerifyInput,
} from './asymmetric';
export { generateMac, verifyMac, type GenerateMacInput, type VerifyMacInput } from './hmac';
export { generateDataKeyPair, type DataKeyPair } from './data-key-pair';
export { EXTERNAL_MU_BYTES, runtimeHasMlDsa } from './ml-dsa';
