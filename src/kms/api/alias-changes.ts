import type { AliasListEntry } from '@aws-sdk/client-kms';
import type { QueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../query-keys';
import { patchCatalog } from './key-catalog';

/**
 * After an alias was created, retargeted or deleted: patch the cached lists (alias table, key
 * table) at once, and refetch the per-key alias lists and whatever was looked up by an alias.
 */
export function applyAliasChange(
  queryClient: QueryClient,
  change: { aliasName: string; entry?: AliasListEntry; keyIds: Array<string | undefined> },
): void {
  const { aliasName, entry } = change;
  queryClient.setQueryData<AliasListEntry[]>(kmsKeys.aliases(), (aliases) => {
    if (!aliases) return aliases;
    const previous = aliases.find((alias) => alias.AliasName === aliasName);
    const others = aliases.filter((alias) => alias !== previous);
    if (!entry) return others;
    return [...others, { ...entry, CreationDate: previous?.CreationDate ?? entry.CreationDate }];
  });
  patchCatalog(queryClient, { type: 'alias-changed', aliasName, entry });
  void queryClient.invalidateQueries({ queryKey: kmsKeys.aliasLookups() });
  for (const keyId of change.keyIds) {
    if (keyId) void queryClient.invalidateQueries({ queryKey: kmsKeys.keyAliases(keyId) });
  }
}

/** The entry ListAliases would now return for an alias (ARN built from the key's ARN). */
export function aliasEntry(aliasName: string, keyArn: string, now = new Date()): AliasListEntry {
  const prefix = keyArn.slice(0, keyArn.indexOf(':key/'));
  return {
    AliasName: aliasName,
    AliasArn: prefix ? `${prefix}:${aliasName}` : undefined,
    TargetKeyId: keyArn.slice(keyArn.indexOf(':key/') + 5) || undefined,
    CreationDate: now,
    LastUpdatedDate: now,
  };
}
