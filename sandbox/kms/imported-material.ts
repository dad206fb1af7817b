import type { ExpirationModelType, KeyState } from '@aws-sdk/client-kms';
import { unsupportedOperation } from '../protocol/errors';
import type { ImportedMaterialRecord, KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { isPendingDeletion } from './key-lookup';

/*
 * The key material of EXTERNAL keys, as "Importing key material" and "Delete imported key
 * material" in the KMS developer guide describe it. A key's first imported material is current
 * and permanently associated with it; a symmetric key may also hold material imported as
 * NEW_KEY_MATERIAL, which stays PENDING_ROTATION (not permanently associated) until
 * RotateKeyOnDemand makes it current. The key is usable only while every permanently associated
 * material is imported: deleting or expiring any of them makes it PendingImport.
 */

/** How the store names an import token: its bytes in hex. */
export const importTokenId = (token: Uint8Array) => Buffer.from(token).toString('hex');

/** What GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial need of a key. */
export function requireExternalOrigin(key: KeyRecord): void {
  if (key.origin !== 'EXTERNAL') {
    // As KMS answers (recorded against AWS by LocalStack's validated tests).
    throw unsupportedOperation(
      `${key.arn} origin is ${key.origin} which is not valid for this operation.`,
    );
  }
}

/** Automatic rotation never applies to imported material; the key-state table's wording. */
export function requireNotExternal(key: KeyRecord): void {
  if (key.origin === 'EXTERNAL') {
    throw unsupportedOperation(
      `${key.arn} origin is EXTERNAL which is not valid for this operation.`,
    );
  }
}

const allPermanentImported = (materials: readonly ImportedMaterialRecord[]) =>
  materials.every((material) => material.pendingRotation || material.imported);

/**
 * The state an EXTERNAL key has once its materials changed: PendingImport while a permanently
 * associated material is missing, Enabled again when the last one comes back (ImportKeyMaterial:
 * "When this operation is successful, the key state of the KMS key changes to Enabled"). Disabled
 * and PendingDeletion keys keep their state while they still have their material, and deletion
 * never moves a key out of PendingDeletion.
 */
function settledState(key: KeyRecord, materials: readonly ImportedMaterialRecord[]): KeyState {
  if (isPendingDeletion(key)) return key.keyState;
  if (materials.length === 0 || !allPermanentImported(materials)) return 'PendingImport';
  return key.keyState === 'PendingImport' ? 'Enabled' : key.keyState;
}

/** The state CancelKeyDeletion leaves: Disabled, or PendingImport while material is missing. */
export function stateAfterCancelledDeletion(store: Store, key: KeyRecord): KeyState {
  if (key.origin !== 'EXTERNAL') return 'Disabled';
  const materials = store.importedMaterials.listForKey(key);
  return materials.length > 0 && allPermanentImported(materials) ? 'Disabled' : 'PendingImport';
}

/** What KeyMetadata says about an EXTERNAL key's material. */
export interface ImportedMaterialSummary {
  /** Symmetric keys only, as DescribeKey documents CurrentKeyMaterialId. */
  currentKeyMaterialId?: string;
  expirationModel?: ExpirationModelType;
  /** The earliest expiry of the permanently associated material. */
  validTo?: Date;
}

export function importedMaterialSummary(store: Store, key: KeyRecord): ImportedMaterialSummary {
  const materials = store.importedMaterials.listForKey(key);
  const current = materials.find((material) => material.materialId === key.currentMaterialId);
  const permanent = materials.filter((material) => !material.pendingRotation && material.imported);
  const expiring = permanent.filter((material) => material.validTo !== undefined);
  const validTo = expiring.reduce<Date | undefined>(
    (earliest, material) =>
      earliest === undefined || material.validTo! < earliest ? material.validTo : earliest,
    undefined,
  );
  return {
    currentKeyMaterialId: key.keySpec === 'SYMMETRIC_DEFAULT' ? current?.keyMaterialId : undefined,
    // Undocumented for a key whose material is all gone; the sandbox then says nothing, as for
    // a key that never had any.
    expirationModel:
      permanent.length === 0
        ? undefined
        : expiring.length > 0
          ? 'KEY_MATERIAL_EXPIRES'
          : 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    validTo,
  };
}

/**
 * Deletes imported material as DeleteImportedKeyMaterial and expiry do: the bytes go for real.
 * Material pending rotation was never permanently associated, so it is forgotten entirely (and
 * other material may be imported in its place); permanently associated material stays associated,
 * PENDING_IMPORT, and the key becomes PendingImport. Returns the key as it is afterwards.
 */
export function deleteImportedMaterial(
  store: Store,
  key: KeyRecord,
  material: ImportedMaterialRecord,
): KeyRecord {
  return store.transaction(() => {
    store.materials.delete(material.region, material.materialId);
    if (material.pendingRotation) {
      store.importedMaterials.delete(material);
      return key;
    }
    store.importedMaterials.put({
      ...material,
      expirationModel: undefined,
      validTo: undefined,
      imported: false,
    });
    const keyState = settledState(key, store.importedMaterials.listForKey(key));
    if (keyState === key.keyState) return key;
    const updated = { ...key, keyState };
    store.keys.update(updated);
    return updated;
  });
}

/** Carries out what expiry is due: KMS deletes imported material on its ValidTo. */
export function expireImportedMaterial(store: Store, now: Date): void {
  for (const material of store.importedMaterials.dueToExpire(now)) {
    const key = store.keys.get(material);
    if (key) deleteImportedMaterial(store, key, material);
  }
}

export interface ImportedMaterialWrite {
  /** The material as the sandbox stores it (checked against the key spec). */
  bytes: Buffer;
  keyMaterialId: string;
  expirationModel: ExpirationModelType;
  validTo?: Date;
  description?: string;
  now: Date;
}

/**
 * Stores material that ImportKeyMaterial accepted: `existing` for a reimport of material the key
 * already has (new expiry, description kept unless given), otherwise new material, which is the
 * key's current material when it is its first and pending rotation after that.
 */
export function storeImportedMaterial(
  store: Store,
  key: KeyRecord,
  existing: ImportedMaterialRecord | undefined,
  write: ImportedMaterialWrite,
  newMaterialId: () => string,
): KeyRecord {
  return store.transaction(() => {
    const materials = store.importedMaterials.listForKey(key);
    const first = materials.length === 0;
    const materialId = existing?.materialId ?? (first ? key.currentMaterialId : newMaterialId());
    // The id derives from the bytes, so material already imported is already stored as is.
    if (!existing?.imported) {
      store.materials.insert({
        region: key.region,
        materialId,
        keyId: key.keyId,
        material: write.bytes,
        created: write.now,
      });
    }
    store.importedMaterials.put({
      region: key.region,
      materialId,
      keyId: key.keyId,
      keyMaterialId: write.keyMaterialId,
      description: write.description ?? existing?.description,
      pendingRotation: existing ? existing.pendingRotation : !first,
      expirationModel: write.expirationModel,
      validTo: write.validTo,
      rotationType: existing?.rotationType,
      rotationDate: existing?.rotationDate,
      imported: true,
    });
    const keyState = settledState(key, store.importedMaterials.listForKey(key));
    if (keyState === key.keyState) return key;
    const updated = { ...key, keyState };
    store.keys.update(updated);
    return updated;
  });
}

/** RotateKeyOnDemand of an EXTERNAL key: its pending material becomes current. */
export function rotateToPendingMaterial(
  store: Store,
  key: KeyRecord,
  pending: ImportedMaterialRecord,
  now: Date,
): void {
  store.transaction(() => {
    store.importedMaterials.put({
      ...pending,
      pendingRotation: false,
      rotationType: 'ON_DEMAND',
      rotationDate: now,
    });
    store.keys.update({ ...key, currentMaterialId: pending.materialId });
  });
}
