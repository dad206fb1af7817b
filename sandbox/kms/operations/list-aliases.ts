import type {
  AliasListEntry,
  ListAliasesCommandInput,
  ListAliasesCommandOutput,
} from '@aws-sdk/client-kms';
import { invalidMarker, notFound } from '../../protocol/errors';
import type { AliasRecord } from '../../store/records';
import { PREDEFINED_AWS_ALIASES } from '../alias-names';
import { aliasArn } from '../arn';
import { resolveManagedKey } from '../key-management';
import type { OperationContext } from '../operation';
import { decodeMarker, encodeMarker, readPageRequest } from '../pagination';
import { InputValidator } from '../validation';

type Output = Omit<ListAliasesCommandOutput, '$metadata'>;

/**
 * The caller's aliases in this Region, by name; with KeyId, only that key's. Without KeyId the
 * list includes AWS's predefined aliases for AWS managed keys: with their key once one exists,
 * without TargetKeyId (and without dates) until then.
 */
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

  const targetKeyId = key?.keyId;
  // The marker names the last alias returned; once that alias is gone it is invalid, as in KMS.
  const after = page.marker === undefined ? undefined : decodeMarker(page.marker);
  const predefined = targetKeyId === undefined ? PREDEFINED_AWS_ALIASES : [];
  if (
    after !== undefined &&
    !predefined.includes(after) &&
    !ctx.store.aliases.has(ctx.scope, after, targetKeyId)
  ) {
    throw invalidMarker();
  }
  const stored = ctx.store.aliases.page(ctx.scope, { targetKeyId, after, limit: page.limit });
  // A predefined alias whose AWS managed key exists is a stored alias like any other.
  const unassociated = predefined.filter(
    (name) => (after === undefined || name > after) && !ctx.store.aliases.has(ctx.scope, name),
  );
  const rows: (AliasRecord | string)[] = [...stored, ...unassociated].sort((a, b) =>
    compareNames(aliasNameOf(a), aliasNameOf(b)),
  );
  const Truncated = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const NextMarker = Truncated ? encodeMarker(aliasNameOf(items[items.length - 1])) : undefined;
  return {
    Aliases: items.map((row) => entry(ctx, row)),
    Truncated,
    NextMarker,
  };
}

const aliasNameOf = (row: AliasRecord | string) => (typeof row === 'string' ? row : row.aliasName);

/** SQLite's order for the ASCII alias names: by code unit. */
const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function entry(ctx: OperationContext, row: AliasRecord | string): AliasListEntry {
  if (typeof row === 'string') {
    return { AliasName: row, AliasArn: aliasArn(ctx.region, ctx.caller.account, row) };
  }
  return {
    AliasName: row.aliasName,
    AliasArn: aliasArn(row.region, row.account, row.aliasName),
    TargetKeyId: row.targetKeyId,
    CreationDate: row.creationDate,
    LastUpdatedDate: row.lastUpdatedDate,
  };
}
