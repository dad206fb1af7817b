import type { RevokeGrantCommandInput, RevokeGrantCommandOutput } from '@aws-sdk/client-kms';
import { dryRunGate, readDryRun } from '../dry-run';
import { grantNotFound, requireGrantIdFormat, resolveGrantKey } from '../grants';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<RevokeGrantCommandOutput, '$metadata'>;

/** Deletes a grant on a key administrator's authority; works in every key state. */
export function revokeGrant(input: RevokeGrantCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const grantId = v.string('GrantId', { required: true, min: 1, max: 128 });
  const dryRun = readDryRun(v);
  v.done();
  requireGrantIdFormat(grantId);

  const key = resolveGrantKey(ctx, keyId);
  ctx.authorize({
    action: 'kms:RevokeGrant',
    key,
    conditionKeys: { 'kms:GrantIsForAWSResource': false },
  });
  const grant = ctx.store.grants.get(grantId);
  if (!grant || grant.keyId !== key.keyId) throw grantNotFound(grantId);
  dryRunGate(dryRun);
  ctx.store.transaction(() => ctx.store.grants.delete(grant.grantId));
  return {};
}
