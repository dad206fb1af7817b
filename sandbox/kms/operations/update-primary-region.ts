import type {
  UpdatePrimaryRegionCommandInput,
  UpdatePrimaryRegionCommandOutput,
} from '@aws-sdk/client-kms';
import { notFound, validationMessage } from '../../protocol/errors';
import { keyArn } from '../arn';
import { requireCustomerManaged, requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { requirePrimary, updateFamily } from '../multi-region';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';
import { REGION_RULE } from './replicate-key';

type Output = Omit<UpdatePrimaryRegionCommandOutput, '$metadata'>;

/**
 * Makes the replica in PrimaryRegion the primary key and the current primary a replica. The
 * request goes to the current primary's Region and needs kms:UpdatePrimaryRegion on both keys,
 * each in its own Region. Nothing else changes: the shared properties are already equal, and each
 * key keeps its policy, aliases, tags, grants and state. AWS shows the transient key state Updating
 * on both keys for a few seconds; the sandbox completes at once.
 */
export function updatePrimaryRegion(
  input: UpdatePrimaryRegionCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const primaryRegion = v.string('PrimaryRegion', REGION_RULE);
  v.done();

  const { key: primary } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:UpdatePrimaryRegion',
    key: primary,
    conditionInput: { primaryRegion },
  });
  requireCustomerManaged(primary, 'UpdatePrimaryRegion');
  requirePrimary(primary);
  requireNotPendingDeletion(primary);
  if (primaryRegion === primary.region) {
    // AWS's answer for the current primary's own Region is undocumented.
    throw validationMessage(
      `PrimaryRegion ${primaryRegion} is already the Region of the primary key ${primary.arn}: name the Region of a replica key.`,
    );
  }
  const replica = ctx.store.keys.get({ region: primaryRegion, keyId: primary.keyId });
  if (!replica) {
    throw notFound(`Key '${keyArn(primaryRegion, primary.account, primary.keyId)}' does not exist`);
  }
  ctx.authorize({
    action: 'kms:UpdatePrimaryRegion',
    key: replica,
    region: primaryRegion,
    conditionInput: { primaryRegion },
  });
  requireNotPendingDeletion(replica);

  updateFamily(ctx.store, primary, (related) => ({ ...related, primaryRegion }));
  return {};
}
