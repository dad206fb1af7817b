import type {
  RotateKeyOnDemandCommandInput,
  RotateKeyOnDemandCommandOutput,
} from '@aws-sdk/client-kms';
import { conflict, invalidState, limitExceeded, unsupportedOperation } from '../../protocol/errors';
import { rotateToPendingMaterial } from '../imported-material';
import { requireEnabled } from '../key-lookup';
import { ownKeyToChange, readKeyIdOnly } from '../key-management';
import { isRotatable } from '../key-metadata';
import { requireNotReplica } from '../multi-region';
import type { OperationContext } from '../operation';
import { rotateKeyMaterial } from '../rotation';

type Output = Omit<RotateKeyOnDemandCommandOutput, '$metadata'>;

/** KMS allows 25 on-demand rotations per key. */
export const MAX_ON_DEMAND_ROTATIONS = 25;
/** KMS refuses an on-demand rotation this close to a scheduled automatic one. */
const AUTOMATIC_ROTATION_GUARD_MS = 20 * 60 * 1000;

/**
 * New current key material at once (for a key with imported material, the material imported
 * for the rotation); earlier material stays, so ciphertexts made before the rotation (which name
 * their material) still decrypt. The automatic schedule is unchanged.
 * As KMS answers it: a disabled key is refused before its key spec is looked at, a key that
 * cannot rotate (asymmetric, HMAC) gets an UnsupportedOperationException without a message, and
 * the response names the key by its ARN.
 */
export function rotateKeyOnDemand(
  input: RotateKeyOnDemandCommandInput,
  ctx: OperationContext,
): Output {
  const key = ownKeyToChange(ctx, readKeyIdOnly(input), 'RotateKeyOnDemand');
  requireEnabled(key);
  if (!isRotatable(key)) throw unsupportedOperation('');
  requireNotReplica(key);
  if (key.origin === 'EXTERNAL' && key.primaryRegion !== undefined) {
    // The KeyId reference: "You cannot perform on-demand rotation of … multi-Region KMS keys with
    // imported key material" (the operation's overview describes a procedure; the sandbox follows
    // the parameter's rule, and its wording is its own).
    throw unsupportedOperation(
      `${key.arn} is a multi-Region key with imported key material, which KMS does not rotate on demand.`,
    );
  }
  if (
    key.rotationEnabled &&
    key.nextRotationDate &&
    key.nextRotationDate.getTime() - ctx.now.getTime() < AUTOMATIC_ROTATION_GUARD_MS
  ) {
    throw conflict(
      `An automatic rotation of ${key.arn} is in progress or scheduled to begin within the next 20 minutes. Try again later.`,
    );
  }
  const external = key.origin === 'EXTERNAL';
  const imported = external ? ctx.store.importedMaterials.listForKey(key) : [];
  const onDemand = (external ? imported : ctx.store.materials.listForKey(key)).filter(
    (material) => material.rotationType === 'ON_DEMAND',
  ).length;
  if (onDemand >= MAX_ON_DEMAND_ROTATIONS) {
    throw limitExceeded(
      `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`,
    );
  }

  if (external) {
    const pending = imported.find((material) => material.pendingRotation);
    if (!pending) {
      // AWS requires the material to be PENDING_ROTATION but does not document its refusal.
      throw invalidState(
        `${key.arn} has no key material pending rotation. Import new key material with ImportType NEW_KEY_MATERIAL, then rotate to it.`,
      );
    }
    rotateToPendingMaterial(ctx.store, key, pending, ctx.now);
  } else {
    rotateKeyMaterial(ctx.store, key, ctx.now, 'ON_DEMAND');
  }
  return { KeyId: key.arn };
}
