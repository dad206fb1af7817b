import type {
  ListRetirableGrantsCommandInput,
  ListRetirableGrantsCommandOutput,
} from '@aws-sdk/client-kms';
import {
  DEFAULT_GRANT_PAGE,
  grantListEntry,
  LIMIT_RULE,
  MARKER_RULE,
  paginateGrants,
  PRINCIPAL_RULE,
} from '../grants';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<ListRetirableGrantsCommandOutput, '$metadata'>;

/**
 * Grants in this Region whose retiring principal is the one named, on keys of any account. KMS
 * authorizes only kms:ListRetirableGrants in the caller's account, never access to the keys.
 */
export function listRetirableGrants(
  input: ListRetirableGrantsCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const limit = v.integer('Limit', LIMIT_RULE) ?? DEFAULT_GRANT_PAGE;
  const marker = v.string('Marker', MARKER_RULE);
  const retiringPrincipal = v.string('RetiringPrincipal', { ...PRINCIPAL_RULE, required: true });
  v.done();
  ctx.authorize({ action: 'kms:ListRetirableGrants' });

  const entries = ctx.store.grants.listByRetiringPrincipal(retiringPrincipal).flatMap((grant) => {
    const key = ctx.store.keys.get(grant);
    return key && key.region === ctx.region ? [{ grant, key }] : [];
  });
  const { page, truncated, nextMarker } = paginateGrants(
    entries.map((e) => e.grant),
    limit,
    marker,
  );
  const arnOf = new Map(entries.map((e) => [e.grant.grantId, e.key.arn]));
  return {
    Grants: page.map((g) => grantListEntry(g, arnOf.get(g.grantId)!)),
    Truncated: truncated,
    NextMarker: nextMarker,
  };
}
