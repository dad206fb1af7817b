import type {
  DeleteImportedKeyMaterialCommandInput,
  DeleteImportedKeyMaterialCommandOutput,
} from '@aws-sdk/client-kms';
import { notFound } from '../../protocol/errors';
import { deleteImportedMaterial, requireExternalOrigin } from '../imported-material';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { KEY_MATERIAL_ID_PATTERN } from '../model-patterns';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DeleteImportedKeyMaterialCommandOutput, '$metadata'>;

/**
 * Deletes imported key material, by KeyMaterialId or else the current material. Deleting
 * permanently associated material makes the key PendingImport (a key pending deletion stays so);
 * deleting material pending rotation leaves the key as it is. Deleting what is already deleted,
 * or from a key that never had material, succeeds and changes nothing, as the key-state table says.
 */
export function deleteImportedKeyMaterial(
  input: DeleteImportedKeyMaterialCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const keyMaterialId = v.string('KeyMaterialId', {
    min: 64,
    max: 64,
    ...KEY_MATERIAL_ID_PATTERN,
  });
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: 'kms:DeleteImportedKeyMaterial', key });
  requireExternalOrigin(key);

  const materials = ctx.store.importedMaterials.listForKey(key);
  const target =
    keyMaterialId === undefined
      ? materials.find((material) => material.materialId === key.currentMaterialId)
      : materials.find((material) => material.keyMaterialId === keyMaterialId);
  if (keyMaterialId !== undefined && !target) {
    // Undocumented: the sandbox's wording.
    throw notFound(`Key material ${keyMaterialId} is not associated with ${key.arn}.`);
  }
  if (target?.imported) deleteImportedMaterial(ctx.store, key, target);
  // The response's KeyMaterialId may be empty (its model type allows length 0): a key that
  // never had material has none to name.
  return { KeyId: key.arn, KeyMaterialId: target?.keyMaterialId ?? '' };
}
