import type { KeyMetadata, Tag } from '@aws-sdk/client-kms';
import type { KeyCatalog } from './catalog';

export type KeyManagerFilter = 'all' | 'CUSTOMER' | 'AWS';

/** One row of the key table: ListKeys + ListAliases + DescribeKey (+ tags) for one key. */
export interface KeyRow {
  keyId: string;
  keyArn: string;
  /** Alias names pointing at the key, sorted. */
  aliases: string[];
  metadata?: KeyMetadata;
  describeError?: unknown;
  tags?: readonly Tag[];
  /** From DescribeKey, or guessed from an alias/aws/… alias until then. */
  manager?: 'AWS' | 'CUSTOMER';
  /** Lower-case alias names, id, ARN, description and tags, for the text filter. */
  searchText: string;
}

function aliasesByKey(catalog: KeyCatalog): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const alias of catalog.aliases) {
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    const list = byKey.get(alias.TargetKeyId);
    if (list) list.push(alias.AliasName);
    else byKey.set(alias.TargetKeyId, [alias.AliasName]);
  }
  for (const list of byKey.values()) list.sort();
  return byKey;
}

function searchTextOf(row: Omit<KeyRow, 'searchText'>): string {
  const parts = [row.keyId, row.keyArn, ...row.aliases];
  if (row.metadata?.Description) parts.push(row.metadata.Description);
  if (row.tags) for (const tag of row.tags) parts.push(`${tag.TagKey}=${tag.TagValue ?? ''}`);
  return parts.join('\n').toLowerCase();
}

/** Cache so unchanged keys keep their row object (cheap re-renders while the catalog fills in). */
export type RowCache = Map<string, KeyRow>;

/** `arn:…:alias/name` → `arn:…:key/<id>`: a key named by an alias before ListKeys reached it. */
function keyArnFromAlias(aliasArn: string | undefined, keyId: string): string {
  const at = aliasArn?.indexOf(':alias/') ?? -1;
  return aliasArn && at > 0 ? `${aliasArn.slice(0, at)}:key/${keyId}` : '';
}

/**
 * The keys to show: ListKeys' entries, then keys only an alias names so far (ListAliases often
 * reaches a key before ListKeys' pages do; an alias always points at a key of this account).
 */
function keyEntries(catalog: KeyCatalog): Array<{ KeyId?: string; KeyArn?: string }> {
  if (catalog.keysComplete && !catalog.listKeysError)
    return catalog.keys as Array<{ KeyId?: string; KeyArn?: string }>;
  const listed = new Set<string>();
  for (const key of catalog.keys) if (key.KeyId) listed.add(key.KeyId);
  const entries: Array<{ KeyId?: string; KeyArn?: string }> = [...catalog.keys];
  for (const alias of catalog.aliases) {
    const keyId = alias.TargetKeyId;
    if (!keyId || listed.has(keyId)) continue;
    listed.add(keyId);
    entries.push({ KeyId: keyId, KeyArn: keyArnFromAlias(alias.AliasArn, keyId) });
  }
  return entries;
}

/** Combines the catalog's lists into table rows, in ListKeys order. */
export function buildRows(catalog: KeyCatalog, cache: RowCache = new Map()): KeyRow[] {
  const byKey = aliasesByKey(catalog);
  const entries = keyEntries(catalog);
  const rows: KeyRow[] = new Array(entries.length);
  let count = 0;
  for (const entry of entries) {
    const keyId = entry.KeyId;
    if (!keyId) continue;
    const aliases = byKey.get(keyId) ?? [];
    const metadata = catalog.metadata.get(keyId);
    const describeError = metadata ? undefined : catalog.describeErrors.get(keyId);
    const tags = catalog.tags.get(keyId);
    const cached = cache.get(keyId);
    if (
      cached &&
      cached.metadata === metadata &&
      cached.describeError === describeError &&
      cached.tags === tags &&
      sameList(cached.aliases, aliases)
    ) {
      rows[count++] = cached;
      continue;
    }
    const manager =
      metadata?.KeyManager === 'AWS' || metadata?.KeyManager === 'CUSTOMER'
        ? metadata.KeyManager
        : aliases.some((name) => name.startsWith('alias/aws/'))
          ? 'AWS'
          : undefined;
    const partial = {
      keyId,
      keyArn: entry.KeyArn ?? metadata?.Arn ?? '',
      aliases,
      metadata,
      describeError,
      tags,
      manager,
    } satisfies Omit<KeyRow, 'searchText'>;
    const row: KeyRow = { ...partial, searchText: searchTextOf(partial) };
    cache.set(keyId, row);
    rows[count++] = row;
  }
  rows.length = count;
  return rows;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Filter tokens: every whitespace-separated word must appear (in any field). */
export function filterTokens(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTokens(row: KeyRow, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!row.searchText.includes(token)) return false;
  return true;
}

export function matchesManager(row: KeyRow, manager: KeyManagerFilter): boolean {
  if (manager === 'all') return true;
  // Keys not described yet count as customer managed unless an AWS alias says otherwise.
  return (row.manager ?? 'CUSTOMER') === manager;
}

export function filterRows(
  rows: readonly KeyRow[],
  text: string,
  manager: KeyManagerFilter = 'all',
): KeyRow[] {
  const tokens = filterTokens(text);
  return rows.filter((row) => matchesManager(row, manager) && matchesTokens(row, tokens));
}

/** Rows without a value sort last whatever the direction, as in the AWS console. */
function compareOptional<T>(a: T | undefined, b: T | undefined, compare: (x: T, y: T) => number) {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return compare(a, b);
}

const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export const ROW_COMPARATORS: Record<string, (a: KeyRow, b: KeyRow) => number> = {
  aliases: (a, b) => compareOptional(a.aliases[0], b.aliases[0], text) || text(a.keyId, b.keyId),
  keyId: (a, b) => text(a.keyId, b.keyId),
  status: (a, b) =>
    compareOptional(a.metadata?.KeyState, b.metadata?.KeyState, text) || text(a.keyId, b.keyId),
  keySpec: (a, b) =>
    compareOptional(a.metadata?.KeySpec, b.metadata?.KeySpec, text) || text(a.keyId, b.keyId),
  keyUsage: (a, b) =>
    compareOptional(a.metadata?.KeyUsage, b.metadata?.KeyUsage, text) || text(a.keyId, b.keyId),
  creationDate: (a, b) =>
    compareOptional(
      a.metadata?.CreationDate?.getTime(),
      b.metadata?.CreationDate?.getTime(),
      (x, y) => x - y,
    ) || text(a.keyId, b.keyId),
  description: (a, b) =>
    compareOptional(
      a.metadata?.Description || undefined,
      b.metadata?.Description || undefined,
      text,
    ) || text(a.keyId, b.keyId),
};
