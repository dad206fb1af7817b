import { ListAliasesCommand, type AliasListEntry, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useKmsClient } from '../../session/SessionProvider';
import { kmsKeys } from '../query-keys';

/** ListAliases' largest page (AWS caps Limit at 100). */
export const ALIAS_PAGE_SIZE = 100;

/** Every page of ListAliases, one page at a time (optionally for one key). */
export async function* listAliasPages(
  kms: KMSClient,
  options: { keyId?: string; signal?: AbortSignal } = {},
): AsyncGenerator<AliasListEntry[]> {
  let marker: string | undefined;
  do {
    const page = await kms.send(
      new ListAliasesCommand({ KeyId: options.keyId, Limit: ALIAS_PAGE_SIZE, Marker: marker }),
      { abortSignal: options.signal },
    );
    yield page.Aliases ?? [];
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker);
}

export async function listAllAliases(
  kms: KMSClient,
  options: { keyId?: string; signal?: AbortSignal } = {},
): Promise<AliasListEntry[]> {
  const all: AliasListEntry[] = [];
  for await (const page of listAliasPages(kms, options)) all.push(...page);
  return all;
}

export const aliasesQueryOptions = (kms: KMSClient) =>
  queryOptions({
    queryKey: kmsKeys.aliases(),
    queryFn: ({ signal }) => listAllAliases(kms, { signal }),
    // 10,000 aliases: no deep comparison on every refetch.
    structuralSharing: false,
  });

export function useAliases(options: { enabled?: boolean; retryOnMount?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({
    ...aliasesQueryOptions(kms),
    enabled: options.enabled ?? true,
    retryOnMount: options.retryOnMount ?? true,
  });
}
