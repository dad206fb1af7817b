import type { AliasListEntry, KeyListEntry, KeyMetadata, Tag } from '@aws-sdk/client-kms';

/**
 * Everything the key table knows about the account's keys, filled progressively: key ids from
 * ListKeys, names from ListAliases, details from DescribeKey (visible rows first), tags from
 * ListResourceTags (in the background). Immutable: each chunk makes a new catalog.
 */
export interface KeyCatalog {
  /** Increments on every refresh; a refresh keeps showing the previous lists until its own are complete. */
  generation: number;
  keys: readonly KeyListEntry[];
  keysComplete: boolean;
  aliases: readonly AliasListEntry[];
  aliasesComplete: boolean;
  metadata: ReadonlyMap<string, KeyMetadata>;
  describeErrors: ReadonlyMap<string, unknown>;
  tags: ReadonlyMap<string, readonly Tag[]>;
  tagsComplete: boolean;
  /** Set when the whole listing failed (e.g. AccessDenied for kms:ListKeys). */
  listKeysError?: unknown;
  listAliasesError?: unknown;
  tagsError?: unknown;
  /** Lists of the refresh in progress, swapped in when complete. */
  pendingKeys?: readonly KeyListEntry[];
  pendingAliases?: readonly AliasListEntry[];
}

export type CatalogChunk =
  | { type: 'start' }
  | { type: 'keys'; keys: KeyListEntry[]; complete: boolean }
  | { type: 'aliases'; aliases: AliasListEntry[]; complete: boolean }
  | { type: 'described'; metadata: KeyMetadata[]; failures: Array<[string, unknown]> }
  | { type: 'tags'; entries: Array<[string, Tag[]]>; complete: boolean }
  | { type: 'keys-error'; error: unknown }
  | { type: 'aliases-error'; error: unknown }
  | { type: 'tags-error'; error: unknown }
  /** A single key changed (a mutation): its fresh metadata, or undefined to drop it. */
  | { type: 'key-updated'; keyId: string; metadata?: KeyMetadata; keyArn?: string }
  /** An alias was created, retargeted (entry) or deleted (no entry). */
  | { type: 'alias-changed'; aliasName: string; entry?: AliasListEntry };

export const EMPTY_CATALOG: KeyCatalog = {
  generation: 0,
  keys: [],
  keysComplete: false,
  aliases: [],
  aliasesComplete: false,
  metadata: new Map(),
  describeErrors: new Map(),
  tags: new Map(),
  tagsComplete: false,
};

export function reduceCatalog(catalog: KeyCatalog, chunk: CatalogChunk): KeyCatalog {
  switch (chunk.type) {
    case 'start': {
      const first = catalog.generation === 0 && catalog.keys.length === 0;
      return {
        ...catalog,
        generation: catalog.generation + 1,
        // First load: rows appear page by page. Refresh: the old rows stay until the new list is whole.
        pendingKeys: first ? undefined : [],
        pendingAliases: first ? undefined : [],
        keysComplete: first ? false : catalog.keysComplete,
        aliasesComplete: first ? false : catalog.aliasesComplete,
        tagsComplete: false,
        listKeysError: undefined,
        listAliasesError: undefined,
        tagsError: undefined,
      };
    }
    case 'keys': {
      if (catalog.pendingKeys) {
        const pending = [...catalog.pendingKeys, ...chunk.keys];
        return chunk.complete
          ? { ...catalog, keys: pending, pendingKeys: undefined, keysComplete: true }
          : { ...catalog, pendingKeys: pending };
      }
      return { ...catalog, keys: [...catalog.keys, ...chunk.keys], keysComplete: chunk.complete };
    }
    case 'aliases': {
      if (catalog.pendingAliases) {
        const pending = [...catalog.pendingAliases, ...chunk.aliases];
        return chunk.complete
          ? { ...catalog, aliases: pending, pendingAliases: undefined, aliasesComplete: true }
          : { ...catalog, pendingAliases: pending };
      }
      return {
        ...catalog,
        aliases: [...catalog.aliases, ...chunk.aliases],
        aliasesComplete: chunk.complete,
      };
    }
    case 'described': {
      const metadata = new Map(catalog.metadata);
      for (const entry of chunk.metadata) if (entry.KeyId) metadata.set(entry.KeyId, entry);
      let describeErrors = catalog.describeErrors;
      if (
        chunk.failures.length > 0 ||
        chunk.metadata.some((m) => catalog.describeErrors.has(m.KeyId ?? ''))
      ) {
        const errors = new Map(catalog.describeErrors);
        for (const entry of chunk.metadata) errors.delete(entry.KeyId ?? '');
        for (const [keyId, error] of chunk.failures) errors.set(keyId, error);
        describeErrors = errors;
      }
      return { ...catalog, metadata, describeErrors };
    }
    case 'tags': {
      const tags = new Map(catalog.tags);
      for (const [keyId, list] of chunk.entries) tags.set(keyId, list);
      return { ...catalog, tags, tagsComplete: chunk.complete };
    }
    case 'keys-error':
      return { ...catalog, listKeysError: chunk.error, pendingKeys: undefined, keysComplete: true };
    case 'aliases-error':
      return {
        ...catalog,
        listAliasesError: chunk.error,
        pendingAliases: undefined,
        aliasesComplete: true,
      };
    case 'tags-error':
      return { ...catalog, tagsError: chunk.error, tagsComplete: true };
    case 'key-updated': {
      const metadata = new Map(catalog.metadata);
      if (!chunk.metadata) {
        metadata.delete(chunk.keyId);
        return {
          ...catalog,
          metadata,
          keys: catalog.keys.filter((k) => k.KeyId !== chunk.keyId),
          aliases: catalog.aliases.filter((a) => a.TargetKeyId !== chunk.keyId),
        };
      }
      metadata.set(chunk.keyId, chunk.metadata);
      const known = catalog.keys.some((k) => k.KeyId === chunk.keyId);
      return {
        ...catalog,
        metadata,
        keys: known
          ? catalog.keys
          : [...catalog.keys, { KeyId: chunk.keyId, KeyArn: chunk.keyArn ?? chunk.metadata.Arn }],
      };
    }
    case 'alias-changed': {
      const others = catalog.aliases.filter((a) => a.AliasName !== chunk.aliasName);
      return { ...catalog, aliases: chunk.entry ? [...others, chunk.entry] : others };
    }
  }
}
