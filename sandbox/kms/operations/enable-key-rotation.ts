import type {
  EnableKeyRotationCommandInput,
  EnableKeyRotationCommandOutput,
} from '@aws-sdk/client-kms';
import { requireEnabled } from '../key-lookup';
import { requireNotExternal } from '../imported-material';
import { ownKeyToChange, requireRotatable } from '../key-management';
import { requireNotReplica, updateFamily } from '../multi-region';
import type { OperationContext } from '../operation';
import { addDays, DEFAULT_ROTATION_PERIOD_DAYS } from '../rotation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<EnableKeyRotationCommandOutput, '$metadata'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns automatic rotation on, or changes the period of a key that already rotates. A new
 * period keeps the schedule's anchor: the next rotation moves by the difference of the periods.
 */
export function enableKeyRotation(
  input: EnableKeyRotationCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const period =
    v.integer('RotationPeriodInDays', { min: 90, max: 2560 }) ?? DEFAULT_ROTATION_PERIOD_DAYS;
  v.done();

  const key = ownKeyToChange(ctx, keyId, 'EnableKeyRotation', {
    'kms:RotationPeriodInDays': period,
  });
  requireRotatable(key, 'EnableKeyRotation');
  requireNotExternal(key);
  requireNotReplica(key);
  requireEnabled(key);

  const previousPeriod = key.rotationPeriodDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
  const nextRotationDate =
    key.rotationEnabled && key.nextRotationDate
      ? new Date(key.nextRotationDate.getTime() + (period - previousPeriod) * DAY_MS)
      : addDays(ctx.now, period);
  // Automatic rotation is a shared property of related multi-Region keys.
  updateFamily(ctx.store, key, (related) => ({
    ...related,
    rotationEnabled: true,
    rotationPeriodDays: period,
    nextRotationDate,
  }));
  return {};
}
