// This import must stay first, and the rest of the feature must import the AWS Encryption SDK
// only through this module: the SDK calls Buffer while its modules load (see buffer-global.ts),
// and ES modules run in the order they are first imported.
import './buffer-global';

export {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  getLocalCryptographicMaterialsCache,
  immutableClass,
  importForWebCryptoDecryptionMaterial,
  importForWebCryptoEncryptionMaterial,
  KeyringWebCrypto,
  WebCryptoAlgorithmSuite,
  WebCryptoCachingMaterialsManager,
} from '@aws-crypto/client-browser';
export type {
  EncryptedDataKey,
  Newable,
  WebCryptoDecryptionMaterial,
  WebCryptoEncryptionMaterial,
  WebCryptoMaterialsManager,
} from '@aws-crypto/client-browser';
export { KmsKeyringClass } from '@aws-crypto/kms-keyring';
export type { AwsEsdkKMSInterface, KmsClientSupplier } from '@aws-crypto/kms-keyring';
export { decodeBodyHeader, deserializeFactory } from '@aws-crypto/serialize';
export type { HeaderInfo } from '@aws-crypto/serialize';
