import type { RetireGrantCommandInput, RetireGrantCommandOutput } from '@aws-sdk/client-kms';
import { validationMessage } from '../../protocol/errors';
import type { GrantRecord, KeyRecord } from '../../store/records';
import { dryRunGate, readDryRun } from '../dry-run';
import {
  grantFromToken,
  grantNotFound,
  grantRetirableBy,
  parseGrantToken,
  requireGrantIdFormat,
  resolveGrantKey,
} from '../grants';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<RetireGrantCommandOutput, '$metadata'>;

function findGrant(
  ctx: OperationContext,
  token: string | undefined,
  keyId: string | undefined,
  grantId: string | undefined,
): { grant: GrantRecord; key: KeyRecord } {
  if (token !== undefined) {
    const grant = grantFromToken(ctx.store, token);
    const key = grant && ctx.store.keys.get(grant);
    // Grants are regional: a token of another Region's grant names nothing here.
    if (!grant || !key || key.region !== ctx.region) {
      throw grantNotFound(parseGrantToken(ctx.store, token));
    }
    return { grant, key };
  }
  if (keyId === undefined || grantId === undefined) {
    throw validationMessage('Either GrantToken or both KeyId and GrantId must be specified.');
  }
  requireGrantIdFormat(grantId);
  const key = resolveGrantKey(ctx, keyId);
  const grant = ctx.store.grants.get(grantId);
  if (!grant || grant.keyId !== key.keyId) throw grantNotFound(grantId);
  return { grant, key };
}

/**
 * Deletes a grant on behalf of someone the grant names. Retiring works in every key state, and a
 * grant token identifies a grant just as well as key and grant id do.
 */
export function retireGrant(input: RetireGrantCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const token = v.string('GrantToken', { min: 1, max: 8192 });
  const keyId = v.string('KeyId', { min: 1, max: 2048 });
  const grantId = v.string('GrantId', { min: 1, max: 128 });
  const dryRun = readDryRun(v);
  v.done();

  const { grant, key } = findGrant(ctx, token, keyId, grantId);
  // The grant itself authorizes its retiring principal and (with RetireGrant) its grantee;
  // anyone else needs kms:RetireGrant from a policy, as the account's principals do.
  if (!grantRetirableBy(grant, ctx.caller.arn)) {
    ctx.authorize({ action: 'kms:RetireGrant', key });
  }
  dryRunGate(dryRun);
  ctx.store.transaction(() => ctx.store.grants.delete(grant.grantId));
  return {};
}
