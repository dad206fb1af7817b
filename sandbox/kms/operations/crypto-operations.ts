import type { OperationHandler } from '../operation';
import { decrypt } from './decrypt';
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

export const CRYPTO_OPERATIONS: Record<string, OperationHandler> = {
  Encrypt: encrypt as OperationHandler,
  Decrypt: decrypt as OperationHandler,
  ReEncrypt: reEncrypt as OperationHandler,
  GenerateDataKey: generateDataKey as OperationHandler,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext as OperationHandler,
  GenerateDataKeyPair: generateDataKeyPair as OperationHandler,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext as OperationHandler,
  GenerateRandom: generateRandom as OperationHandler,
  GetPublicKey: getPublicKey as OperationHandler,
  Sign: sign as OperationHandler,
  Verify: verify as OperationHandler,
  GenerateMac: generateMac as OperationHandler,
  VerifyMac: verifyMac as OperationHandler,
};
