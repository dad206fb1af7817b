import type { ListAliasesCommandInput, ListAliasesCommandOutput } from '@aws-sdk/client-kms';
import { invalidMarker, notFound } from '../../protocol/errors';
import { aliasArn } from '../arn';
import { resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { decodeMarker, encodeMarker, readPageRequest } from '../pagination';
import { InputValidator } from '../validation';

type Output = Omit<ListAliasesCommandOutput, '$metadata'>;

/** The caller's aliases in this Region, by name; with KeyId, only that key's. */
export function listAliases(input: ListAliasesCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', { min: 1, max: 2048 });
  // The reference documents 1–100, default 50; the model accepts up to 1000.
  const page = readPageRequest(v, { limit: 50, max: 100 });
  v.done();

  const key = keyId === undefined ? undefined : resolveManagedKey(ctx, keyId).key;
  // Aliases live in the caller's account, so another account's key has none to list.
  if (key && key.account !== ctx.caller.account) {
    throw notFound(`Key '${key.arn}' does not exist`);
  }
  ctx.authorize({ action: 'kms:ListAliases' });

  const { account } = ctx.caller;
  const targetKeyId = key?.keyId;
  // The marker names the last alias returned; once that alias is gone it is invalid, as in KMS.
  const after = page.marker === undefined ? undefined : decodeMarker(page.marker);
  if (after !== undefined && !ctx.store.hasAlias(account, ctx.region, after, targetKeyId)) {
    throw invalidMarker();
  }
  const rows = ctx.store.listAliasesPage(account, ctx.region, {
    targetKeyId,
    after,
    limit: page.limit,
  });
  const Truncated = rows.length > page.limit;
  const items = Truncated ? rows.slice(0, page.limit) : rows;
  const NextMarker = Truncated ? encodeMarker(items[items.length - 1].aliasName) : undefined;
  return {
    Aliases: items.map((alias) => ({
      AliasName: alias.aliasName,
      AliasArn: aliasArn(alias.region, alias.account, alias.aliasName),
      TargetKeyId: alias.targetKeyId,
      CreationDate: alias.creationDate,
      LastUpdatedDate: alias.lastUpdatedDate,
    })),
    Truncated,
    NextMarker,
  };
}
