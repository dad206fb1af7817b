import type {
  GetKeyRotationStatusCommandInput,
  GetKeyRotationStatusCommandOutput,
} from '@aws-sdk/client-kms';
import { isRotatable } from '../key-metadata';
import { readKeyIdOnly, resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { isPendingDeletion } from '../key-lookup';

type Output = Omit<GetKeyRotationStatusCommandOutput, '$metadata'>;

/**
 * Works in every key state and across accounts (by key ARN). Keys that can't rotate report
 * false; AWS managed keys always rotate; a key pending deletion reports false but keeps its
 * setting, which CancelKeyDeletion brings back. On-demand rotations complete within the request,
 * so OnDemandRotationStartDate never appears.
 */
export function getKeyRotationStatus(
  input: GetKeyRotationStatusCommandInput,
  ctx: OperationContext,
): Output {
  const { key } = resolveManagedKey(ctx, readKeyIdOnly(input));
  ctx.authorize({ action: 'kms:GetKeyRotationStatus', key });

  if (!isRotatable(key) || isPendingDeletion(key)) {
    return { KeyId: key.keyId, KeyRotationEnabled: false };
  }
  if (key.keyManager === 'AWS') return { KeyId: key.keyId, KeyRotationEnabled: true };
  if (!key.rotationEnabled) return { KeyId: key.keyId, KeyRotationEnabled: false };
  return {
    KeyId: key.keyId,
    KeyRotationEnabled: true,
    RotationPeriodInDays: key.rotationPeriodDays,
    NextRotationDate: key.nextRotationDate,
  };
}
