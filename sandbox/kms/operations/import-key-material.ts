import { randomUUID } from 'node:crypto';
import type {
  ExpirationModelType,
  ImportKeyMaterialCommandInput,
  ImportKeyMaterialCommandOutput,
} from '@aws-sdk/client-kms';
import {
  expiredImportToken,
  incorrectKeyMaterial,
  invalidCiphertext,
  invalidImportToken,
  invalidState,
  validationMessage,
} from '../../protocol/errors';
import type { ImportedMaterialRecord, KeyRecord } from '../../store/records';
import { importTokenId, requireExternalOrigin, storeImportedMaterial } from '../imported-material';
import { requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import {
  checkImportedMaterial,
  importedKeyMaterialId,
  IncorrectMaterialError,
  isWrappingAlgorithm,
  unwrapKeyMaterial,
  UnwrapError,
} from '../keys/key-import';
import { KEY_MATERIAL_DESCRIPTION_PATTERN, KEY_MATERIAL_ID_PATTERN } from '../model-patterns';
import { requireRelatedKeysMaterial } from '../multi-region';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ImportKeyMaterialCommandOutput, '$metadata'>;

const EXPIRATION_MODELS = [
  'KEY_MATERIAL_EXPIRES',
  'KEY_MATERIAL_DOES_NOT_EXPIRE',
] as const satisfies readonly ExpirationModelType[];
const IMPORT_TYPES = ['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] as const;

/** "The maximum value is 365 days from the request date." */
const MAX_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/*
 * AWS documents when ImportKeyMaterial fails and with which exception, but not the messages of
 * the failures below: their wording is the sandbox's, saying what the API reference says.
 */

/**
 * Imports key material wrapped under a GetParametersForImport public key. The first material of a
 * key becomes its current material and makes it Enabled; later imports are either the same
 * material again (EXISTING_KEY_MATERIAL: to restore deleted or expired material, or to change its
 * expiry) or, for symmetric keys, NEW_KEY_MATERIAL that waits in PENDING_ROTATION for
 * RotateKeyOnDemand. A token set is good for one import.
 */
export function importKeyMaterial(
  input: ImportKeyMaterialCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const token = v.bytes('ImportToken', { required: true, min: 1, max: 6144 });
  const wrapped = v.bytes('EncryptedKeyMaterial', { required: true, min: 1, max: 6144 });
  const validTo = v.timestamp('ValidTo');
  const requestedModel = v.string('ExpirationModel', { enum: EXPIRATION_MODELS }) as
    ExpirationModelType | undefined;
  const importType = v.string('ImportType', { enum: IMPORT_TYPES });
  const description = v.string('KeyMaterialDescription', {
    min: 0,
    max: 256,
    ...KEY_MATERIAL_DESCRIPTION_PATTERN,
  });
  const keyMaterialId = v.string('KeyMaterialId', { min: 64, max: 64, ...KEY_MATERIAL_ID_PATTERN });
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:ImportKeyMaterial',
    key,
    conditionInput: { expirationModel: requestedModel, validTo },
  });
  requireExternalOrigin(key);
  requireNotPendingDeletion(key);
  const expirationModel = requestedModel ?? 'KEY_MATERIAL_EXPIRES';
  checkExpiration(expirationModel, validTo, ctx.now);
  checkSymmetricOnlyMembers(key, { importType, description, keyMaterialId });
  if (importType === 'NEW_KEY_MATERIAL' && keyMaterialId !== undefined) {
    throw validationMessage(
      'You cannot specify a KeyMaterialId with ImportType NEW_KEY_MATERIAL: KMS assigns the ID of new key material.',
    );
  }

  const tokenRecord = ctx.store.importTokens.get(importTokenId(token));
  if (!tokenRecord || tokenRecord.keyId !== key.keyId || tokenRecord.region !== key.region) {
    throw invalidImportToken(
      `The import token is not one that GetParametersForImport returned for ${key.arn}, or it was already used to import key material. Call GetParametersForImport for a new public key and import token.`,
    );
  }
  if (tokenRecord.validTo.getTime() <= ctx.now.getTime()) {
    throw expiredImportToken(
      `The import token expired at ${tokenRecord.validTo.toISOString()}. Call GetParametersForImport for a new public key and import token, and wrap the key material with the new public key.`,
    );
  }
  const algorithm = tokenRecord.wrappingAlgorithm;
  if (!isWrappingAlgorithm(algorithm)) throw new Error(`Stored wrapping algorithm ${algorithm}`);

  let bytes: Buffer;
  try {
    bytes = checkImportedMaterial(
      key.keySpec,
      unwrapKeyMaterial({ privateKey: tokenRecord.privateKey, algorithm, wrapped }),
    );
  } catch (error) {
    if (error instanceof UnwrapError) {
      throw invalidCiphertext(
        `KMS could not decrypt the encrypted key material: ${error.message}. Wrap it with the public key from the same GetParametersForImport response as the import token.`,
      );
    }
    if (error instanceof IncorrectMaterialError) throw incorrectKeyMaterial(`${error.message}.`);
    throw error;
  }
  const materialId = importedKeyMaterialId(key.keyId, bytes);
  if (keyMaterialId !== undefined && keyMaterialId !== materialId) {
    throw incorrectKeyMaterial(
      `The key material does not match KeyMaterialId ${keyMaterialId}: its key material ID is ${materialId}.`,
    );
  }
  requireRelatedKeysMaterial(ctx.store, key, materialId);
  const existing = chooseTarget(key, ctx.store.importedMaterials.listForKey(key), {
    materialId,
    importType,
  });

  ctx.store.transaction(() => {
    storeImportedMaterial(
      ctx.store,
      key,
      existing,
      {
        bytes,
        keyMaterialId: materialId,
        expirationModel,
        validTo: expirationModel === 'KEY_MATERIAL_EXPIRES' ? validTo : undefined,
        description,
        now: ctx.now,
      },
      randomUUID,
    );
    ctx.store.importTokens.delete(tokenRecord.tokenId);
  });
  return { KeyId: key.arn, KeyMaterialId: materialId };
}

function checkExpiration(model: ExpirationModelType, validTo: Date | undefined, now: Date): void {
  if (model === 'KEY_MATERIAL_DOES_NOT_EXPIRE') {
    if (validTo !== undefined) {
      throw validationMessage(
        'ValidTo is not valid when ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE: omit ValidTo, or use KEY_MATERIAL_EXPIRES.',
      );
    }
    return;
  }
  if (validTo === undefined) {
    throw validationMessage(
      'ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES (the default): give the date the key material expires, or use KEY_MATERIAL_DOES_NOT_EXPIRE.',
    );
  }
  if (validTo.getTime() <= now.getTime()) {
    throw validationMessage(
      `ValidTo must be a future date and time, not ${validTo.toISOString()}.`,
    );
  }
  if (validTo.getTime() > now.getTime() + MAX_VALIDITY_MS) {
    throw validationMessage(
      `ValidTo can be at most 365 days from the request date: ${validTo.toISOString()} is later.`,
    );
  }
}

/**
 * "For asymmetric, or HMAC KMS keys with EXTERNAL origin, only one key material can ever be
 * associated with the key. AWS KMS will reject ImportKeyMaterial API requests with the ImportType
 * parameter." KeyMaterialId and KeyMaterialDescription are documented as symmetric-only too.
 */
function checkSymmetricOnlyMembers(
  key: KeyRecord,
  members: { importType?: string; description?: string; keyMaterialId?: string },
): void {
  if (key.keySpec === 'SYMMETRIC_DEFAULT') return;
  const named = Object.entries({
    ImportType: members.importType,
    KeyMaterialDescription: members.description,
    KeyMaterialId: members.keyMaterialId,
  })
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  if (named.length > 0) {
    throw validationMessage(
      `${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} only valid for symmetric encryption keys; ${key.arn} is ${key.keySpec}. Omit ${named.length === 1 ? 'it' : 'them'}.`,
    );
  }
}

/**
 * The associated material this import restores (EXISTING_KEY_MATERIAL), or undefined for new
 * material. ImportType defaults to NEW_KEY_MATERIAL for a key that never had material and to
 * EXISTING_KEY_MATERIAL after that.
 */
function chooseTarget(
  key: KeyRecord,
  associated: readonly ImportedMaterialRecord[],
  request: { materialId: string; importType?: string },
): ImportedMaterialRecord | undefined {
  const match = associated.find((material) => material.keyMaterialId === request.materialId);
  const importType =
    request.importType ?? (associated.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
  if (importType === 'EXISTING_KEY_MATERIAL') {
    if (match) return match;
    throw incorrectKeyMaterial(
      associated.length === 0
        ? `No key material was ever imported into ${key.arn}, so there is no existing key material to reimport. Import it with ImportType NEW_KEY_MATERIAL.`
        : `The key material is not the key material previously imported into ${key.arn}. Reimport that key material, or import this one with ImportType NEW_KEY_MATERIAL to rotate to it.`,
    );
  }
  if (match) {
    throw incorrectKeyMaterial(
      `The key material is already associated with ${key.arn} (KeyMaterialId ${match.keyMaterialId}). Import it with ImportType EXISTING_KEY_MATERIAL.`,
    );
  }
  if (associated.length === 0) return undefined;
  if (key.keyState === 'PendingImport') {
    throw invalidState(
      `${key.arn} is pending import. Reimport its existing key material before importing new key material.`,
    );
  }
  const pending = associated.find((material) => material.pendingRotation);
  if (pending) {
    throw invalidState(
      `${key.arn} already has key material pending rotation (KeyMaterialId ${pending.keyMaterialId}). Rotate to it with RotateKeyOnDemand, or delete it with DeleteImportedKeyMaterial, before importing other new key material.`,
    );
  }
  return undefined;
}
