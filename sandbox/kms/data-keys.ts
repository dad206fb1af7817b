import type { DataKeyPairSpec } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { invalidKeyUsage, unsupportedOperation, validationMessage } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import { isSymmetricKey } from './algorithms';
import { readGrantTokens, rejectRecipient } from './crypto-validation';
import { dryRunGate, readDryRun, type DryRunOptions } from './dry-run';
import { requireEnabled, requireUsage, resolveKey } from './key-lookup';
import {
  generateDataKeyPair,
  isKeyPairSpec,
  KEY_SPECS_BY_FAMILY,
  MODEL_DATA_KEY_PAIR_SPECS,
  type DataKeyPair,
} from './keys';
import type { OperationContext } from './operation';
import { keyMaterialId, sealUnderKey } from './symmetric-ciphertext';
import { KEY_ID_RULE, InputValidator } from './validation';

/*
 * GenerateDataKey(WithoutPlaintext) and GenerateDataKeyPair(WithoutPlaintext): a fresh secret
 * sealed under a symmetric KMS key, so that Decrypt of the CiphertextBlob gives the secret back.
 */

const DATA_KEY_BYTES = { AES_128: 16, AES_256: 32 } as const;

interface CommonInput {
  keyId: string;
  context: Record<string, string> | undefined;
  grantTokens: string[] | undefined;
  dryRun: DryRunOptions;
}

/** Call v.done() before using the result, as with every read. */
function readCommon(v: InputValidator): CommonInput {
  return {
    keyId: v.string('KeyId', KEY_ID_RULE),
    context: v.stringMap('EncryptionContext'),
    grantTokens: readGrantTokens(v),
    dryRun: readDryRun(v),
  };
}

/** Resolve, authorize, then usage, state and spec in the order KMS checks them. */
function dataKeyKmsKey(
  ctx: OperationContext,
  common: CommonInput,
  action: string,
  operation: string,
  conditionKeys?: Record<string, string>,
): KeyRecord {
  const { key, requestAlias } = resolveKey(ctx, common.keyId);
  ctx.authorize({
    action,
    key,
    requestAlias,
    encryptionContext: common.context,
    grantTokens: common.grantTokens,
    conditionKeys,
  });
  requireUsage(key, 'ENCRYPT_DECRYPT', operation);
  requireEnabled(key);
  if (!isSymmetricKey(key)) {
    throw invalidKeyUsage('You cannot generate a data key with an asymmetric CMK');
  }
  return key;
}

export interface DataKeyResult {
  KeyId: string;
  CiphertextBlob: Uint8Array;
  Plaintext: Buffer;
  KeyMaterialId: string;
}

export function generateDataKeyFor(
  input: object,
  ctx: OperationContext,
  operation: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext',
): DataKeyResult {
  const v = new InputValidator(input);
  const common = readCommon(v);
  const numberOfBytes = v.integer('NumberOfBytes', { min: 1, max: 1024 });
  const keySpec = v.string('KeySpec');
  if (keySpec !== undefined && !Object.hasOwn(DATA_KEY_BYTES, keySpec)) {
    v.fail(
      'KeySpec',
      `'${keySpec}'`,
      `Member must satisfy enum value set: [${KEY_SPECS_BY_FAMILY.join(', ')}]`,
    );
  }
  v.done();
  if ((numberOfBytes === undefined) === (keySpec === undefined)) {
    throw validationMessage('Please specify either number of bytes or key spec.');
  }
  if (operation === 'GenerateDataKey') rejectRecipient(input);

  const key = dataKeyKmsKey(ctx, common, `kms:${operation}`, operation);
  dryRunGate(common.dryRun);

  const length = numberOfBytes ?? DATA_KEY_BYTES[keySpec as keyof typeof DATA_KEY_BYTES];
  const plaintext = randomBytes(length);
  const sealed = sealUnderKey(ctx.store, key, plaintext, common.context);
  return {
    KeyId: key.arn,
    CiphertextBlob: sealed.blob,
    Plaintext: plaintext,
    KeyMaterialId: keyMaterialId(sealed.materialId),
  };
}

export interface DataKeyPairResult {
  KeyId: string;
  KeyPairSpec: DataKeyPairSpec;
  PrivateKeyCiphertextBlob: Uint8Array;
  PrivateKeyPlaintext: Buffer;
  PublicKey: Buffer;
  KeyMaterialId: string;
}

export async function generateDataKeyPairFor(
  input: object,
  ctx: OperationContext,
  operation: 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext',
): Promise<DataKeyPairResult> {
  const v = new InputValidator(input);
  const common = readCommon(v);
  const keyPairSpec = v.string('KeyPairSpec', { required: true, enum: MODEL_DATA_KEY_PAIR_SPECS });
  v.done();
  if (operation === 'GenerateDataKeyPair') rejectRecipient(input);

  const key = dataKeyKmsKey(ctx, common, `kms:${operation}`, operation, {
    'kms:DataKeyPairSpec': keyPairSpec,
  });
  if (!isKeyPairSpec(keyPairSpec)) {
    throw unsupportedOperation(`KeyPairSpec ${keyPairSpec} is not supported by the sandbox.`);
  }
  dryRunGate(common.dryRun);

  const pair: DataKeyPair = await generateDataKeyPair(keyPairSpec);
  const sealed = sealUnderKey(ctx.store, key, pair.privateKeyDer, common.context);
  return {
    KeyId: key.arn,
    KeyPairSpec: keyPairSpec,
    PrivateKeyCiphertextBlob: sealed.blob,
    PrivateKeyPlaintext: pair.privateKeyDer,
    PublicKey: pair.publicKeyDer,
    KeyMaterialId: keyMaterialId(sealed.materialId),
  };
}
