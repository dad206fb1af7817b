import {
  immutableClass,
  importForWebCryptoDecryptionMaterial,
  importForWebCryptoEncryptionMaterial,
  KeyringWebCrypto,
  type EncryptedDataKey,
  type Newable,
  type WebCryptoAlgorithmSuite,
  type WebCryptoDecryptionMaterial,
  type WebCryptoEncryptionMaterial,
  KmsKeyringClass,
  type KmsClientSupplier,
} from './aws-crypto';
import type { EsdkKmsClient } from './kms-adapter';

export interface SessionKmsKeyringInput {
  clientProvider: KmsClientSupplier<EsdkKmsClient>;
  generatorKeyId?: string;
  keyIds?: string[];
}

/**
 * The SDK's KMS keyring for WebCrypto, as KmsKeyringBrowser builds it, minus its default client
 * factory: that one imports the aggregated `KMS` client (every KMS command) into this page's
 * chunk, while this feature always passes the session's client through `clientProvider`.
 */
export class SessionKmsKeyring extends KmsKeyringClass<WebCryptoAlgorithmSuite, EsdkKmsClient>(
  // KeyringWebCrypto is abstract; the mixin only extends it (the SDK's browser keyring casts too).
  KeyringWebCrypto as Newable<KeyringWebCrypto>,
) {
  constructor({ clientProvider, generatorKeyId, keyIds }: SessionKmsKeyringInput) {
    super({ clientProvider, generatorKeyId, keyIds });
  }

  override async _onEncrypt(material: WebCryptoEncryptionMaterial) {
    return importForWebCryptoEncryptionMaterial(await super._onEncrypt(material));
  }

  override async _onDecrypt(
    material: WebCryptoDecryptionMaterial,
    encryptedDataKeys: EncryptedDataKey[],
  ) {
    return importForWebCryptoDecryptionMaterial(
      await super._onDecrypt(material, encryptedDataKeys),
    );
  }
}
immutableClass(SessionKmsKeyring);
