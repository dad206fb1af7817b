import type {
  ListKeyRotationsCommandInput,
  ListKeyRotationsCommandOutput,
} from '@aws-sdk/client-kms';
import { ownKeyToRead, requireRotatable } from '../key-management';
import type { OperationContext } from '../operation';
import type { KeyRecord } from '../../store/records';
import { paginate, readPageRequest, type PageRequest } from '../pagination';
import { keyMaterialId } from '../symmetric-ciphertext';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ListKeyRotationsCommandOutput, '$metadata'>;

/**
 * Completed rotations, oldest first; with IncludeKeyMaterial ALL_KEY_MATERIAL also the key's
 * first material, which has no RotationDate or RotationType. Works in every key state.
 */
export function listKeyRotations(
  input: ListKeyRotationsCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const include =
    v.string('IncludeKeyMaterial', { enum: ['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'] }) ??
    'ROTATIONS_ONLY';
  const page = readPageRequest(v, { limit: 100, max: 1000 });
  v.done();

  const key = ownKeyToRead(ctx, keyId, 'ListKeyRotations');
  requireRotatable(key, 'ListKeyRotations');

  if (key.origin === 'EXTERNAL') return listImportedMaterials(ctx, key, include, page);
  const materials = ctx.store.materials
    .listForKey(key)
    .filter((material) => include === 'ALL_KEY_MATERIAL' || material.rotationType !== undefined);
  const { items, Truncated, NextMarker } = paginate(materials, page, (m) => m.materialId);
  return {
    Rotations: items.map((material) => ({
      KeyId: key.keyId,
      KeyMaterialId: keyMaterialId(material.materialId),
      KeyMaterialState: material.materialId === key.currentMaterialId ? 'CURRENT' : 'NON_CURRENT',
      RotationDate: material.rotationType ? material.created : undefined,
      RotationType: material.rotationType,
    })),
    Truncated,
    NextMarker,
  };
}

/**
 * A key with imported material lists each material with its import fields (ImportState,
 * ExpirationModel, ValidTo, KeyMaterialDescription), which the reference gives only for
 * symmetric keys with EXTERNAL origin. ROTATIONS_ONLY lists the completed on-demand rotations;
 * ALL_KEY_MATERIAL adds the first material and the material pending rotation.
 */
function listImportedMaterials(
  ctx: OperationContext,
  key: KeyRecord,
  include: string,
  page: PageRequest,
): Output {
  const materials = ctx.store.importedMaterials
    .listForKey(key)
    .filter((material) => include === 'ALL_KEY_MATERIAL' || material.rotationType !== undefined);
  const { items, Truncated, NextMarker } = paginate(materials, page, (m) => m.materialId);
  return {
    Rotations: items.map((material) => ({
      KeyId: key.keyId,
      KeyMaterialId: material.keyMaterialId,
      KeyMaterialDescription: material.description,
      ImportState: material.imported ? 'IMPORTED' : 'PENDING_IMPORT',
      KeyMaterialState: material.pendingRotation
        ? 'PENDING_ROTATION'
        : material.materialId === key.currentMaterialId
          ? 'CURRENT'
          : 'NON_CURRENT',
      ExpirationModel: material.expirationModel,
      ValidTo: material.validTo,
      RotationDate: material.rotationDate,
      RotationType: material.rotationType,
    })),
    Truncated,
    NextMarker,
  };
}
