import {
  DescribeKeyCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KMSClient,
  type Tag,
} from '@aws-sdk/client-kms';
import {
  experimental_streamedQuery as streamedQuery,
  hashKey,
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { ALIAS_PAGE_SIZE } from './list-aliases';
import { completeKeyMetadata } from '../key-metadata';
import { kmsKeys } from '../query-keys';
import { useKmsClient } from '../../session/SessionProvider';
import { isThrottlingError } from '../../session/throttle-monitor';
import {
  EMPTY_CATALOG,
  reduceCatalog,
  type CatalogChunk,
  type KeyCatalog,
} from '../catalog/catalog';
import { DescribePriority, streamKeyCatalog, type CatalogApi } from '../catalog/stream';

/** ListKeys' largest page. */
const KEY_PAGE_SIZE = 1000;
/** ListResourceTags' largest page. */
const TAG_PAGE_SIZE = 50;

/** The catalog's four calls over the session's KMS client. */
export function kmsCatalogApi(kms: KMSClient, signal?: AbortSignal): CatalogApi {
  const options = { abortSignal: signal };
  return {
    async listKeysPage(marker) {
      const page = await kms.send(
        new ListKeysCommand({ Limit: KEY_PAGE_SIZE, Marker: marker }),
        options,
      );
      return { keys: page.Keys ?? [], nextMarker: page.Truncated ? page.NextMarker : undefined };
    },
    async listAliasesPage(marker) {
      const page = await kms.send(
        new ListAliasesCommand({ Limit: ALIAS_PAGE_SIZE, Marker: marker }),
        options,
      );
      return {
        aliases: page.Aliases ?? [],
        nextMarker: page.Truncated ? page.NextMarker : undefined,
      };
    },
    async describeKey(keyId) {
      const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyId }), options);
      if (!answer.KeyMetadata) throw new Error(`DescribeKey returned no KeyMetadata for ${keyId}`);
      return completeKeyMetadata(answer.KeyMetadata);
    },
    async listTags(keyId) {
      const tags: Tag[] = [];
      let marker: string | undefined;
      do {
        const page = await kms.send(
          new ListResourceTagsCommand({ KeyId: keyId, Limit: TAG_PAGE_SIZE, Marker: marker }),
          options,
        );
        tags.push(...(page.Tags ?? []));
        marker = page.Truncated ? page.NextMarker : undefined;
      } while (marker);
      return tags;
    },
  };
}

/** One describe-priority per session (QueryClient): the key table tells it which rows are on screen. */
const priorities = new WeakMap<QueryClient, DescribePriority>();

export function describePriorityOf(queryClient: QueryClient): DescribePriority {
  let priority = priorities.get(queryClient);
  if (!priority) {
    priority = new DescribePriority();
    priorities.set(queryClient, priority);
  }
  return priority;
}

/**
 * The catalog streams into the cache chunk by chunk (the table is readable after the first
 * ListKeys page). It keeps running when the table unmounts, so going to a key and back does not
 * start over; it stops when the session's cache is cleared (sign out).
 */
export const keyCatalogQueryOptions = (kms: KMSClient, queryClient: QueryClient) =>
  queryOptions({
    queryKey: kmsKeys.catalog(),
    queryFn: streamedQuery<CatalogChunk, KeyCatalog>({
      streamFn: async function* (context) {
        const stop = new AbortController();
        const unsubscribe = context.client.getQueryCache().subscribe((event) => {
          if (event.type === 'removed' && event.query.queryHash === hashKey(kmsKeys.catalog())) {
            stop.abort();
          }
        });
        try {
          yield* streamKeyCatalog(kmsCatalogApi(kms, stop.signal), {
            signal: stop.signal,
            priority: describePriorityOf(queryClient),
            isThrottling: isThrottlingError,
          });
        } finally {
          unsubscribe();
        }
      },
      reducer: reduceCatalog,
      initialValue: EMPTY_CATALOG,
      refetchMode: 'append',
    }),
    // 10,000 keys: a deep comparison on every chunk would cost more than the render.
    structuralSharing: false,
    staleTime: 5 * 60_000,
    retry: false,
  });

export function useKeyCatalog() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useQuery(keyCatalogQueryOptions(kms, queryClient));
}

/** Applies a change made by this console (a mutation) to the cached catalog, if there is one. */
export function patchCatalog(queryClient: QueryClient, chunk: CatalogChunk): void {
  if (!queryClient.getQueryData(kmsKeys.catalog())) return;
  queryClient.setQueryData<KeyCatalog>(kmsKeys.catalog(), (catalog) =>
    catalog ? reduceCatalog(catalog, chunk) : catalog,
  );
}
