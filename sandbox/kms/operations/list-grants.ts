import type { ListGrantsCommandInput, ListGrantsCommandOutput } from '@aws-sdk/client-kms';
import {
  DEFAULT_GRANT_PAGE,
  grantListEntry,
  LIMIT_RULE,
  MARKER_RULE,
  paginateGrants,
  PRINCIPAL_RULE,
  requireGrantIdFormat,
  resolveGrantKey,
} from '../grants';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ListGrantsCommandOutput, '$metadata'>;

export function listGrants(input: ListGrantsCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const limit = v.integer('Limit', LIMIT_RULE) ?? DEFAULT_GRANT_PAGE;
  const marker = v.string('Marker', MARKER_RULE);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const grantId = v.string('GrantId', { min: 1, max: 128 });
  const granteePrincipal = v.string('GranteePrincipal', PRINCIPAL_RULE);
  v.done();
  if (grantId !== undefined) requireGrantIdFormat(grantId);

  const key = resolveGrantKey(ctx, keyId);
  ctx.authorize({
    action: 'kms:ListGrants',
    key,
    conditionKeys: { 'kms:GrantIsForAWSResource': false },
  });

  const grants = ctx.store.grants
    .listForKey(key)
    .filter(
      (g) =>
        (grantId === undefined || g.grantId === grantId) &&
        (granteePrincipal === undefined || g.granteePrincipal === granteePrincipal),
    );
  const { page, truncated, nextMarker } = paginateGrants(grants, limit, marker);
  return {
    Grants: page.map((g) => grantListEntry(g, key.arn)),
    Truncated: truncated,
    NextMarker: nextMarker,
  };
}
