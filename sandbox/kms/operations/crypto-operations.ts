import type { OperationRegistry } from '../operation';
import { decrypt } from './decrypt';
import { deriveSharedSecret } from './derive-shared-secret';
import { encrypt } from './encrypt';
import { generateDataKey } from './generate-data-key';
import { generateDataKeyPair } from './generate-data-key-pair';
import { generateDataKeyPairWithoutPlaintext } from './generate-data-key-pair-without-plaintext';
import { generateDataKeyWithoutPlaintext } from './generate-data-key-without-plaintext';
import { generateMac } from './generate-mac';
import { generateRandom } from './generate-random';
import { getPublicKey } from './get-public-key';
import { reEncrypt } from './re-encrypt';
import { sign } from './sign';
import { verify } from './verify';
import { verifyMac } from './verify-mac';

export const CRYPTO_OPERATIONS = {
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateRandom: generateRandom,
  GetPublicKey: getPublicKey,
  Sign: sign,
  Verify: verify,
  GenerateMac: generateMac,
  VerifyMac: verifyMac,
  DeriveSharedSecret: deriveSharedSecret,
} satisfies OperationRegistry;
