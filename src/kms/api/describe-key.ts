import { DescribeKeyCommand, type KeyMetadata, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { completeKeyMetadata } from '../key-metadata';
import { useKmsClient } from '../../session/SessionProvider';
import { useSettled } from '../../ui/use-settled';
import { isKeyReference, parseKeyReference } from '../key-reference';
import { kmsKeys, referenceScope } from '../query-keys';
import { patchCatalog } from './key-catalog';

/** DescribeKey for a key id, key ARN, alias name or alias ARN. */
export async function describeKey(kms: KMSClient, keyRef: string): Promise<KeyMetadata> {
  const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyRef }));
  if (!answer.KeyMetadata) throw new Error(`DescribeKey returned no KeyMetadata for ${keyRef}`);
  return completeKeyMetadata(answer.KeyMetadata);
}

export const describeKeyQueryOptions = (kms: KMSClient, keyRef: string) =>
  queryOptions({
    queryKey: [...referenceScope(keyRef), 'describe'],
    queryFn: () => describeKey(kms, keyRef.trim()),
  });

export function useDescribeKey(keyRef: string) {
  const kms = useKmsClient();
  return useQuery(describeKeyQueryOptions(kms, keyRef));
}

/**
 * DescribeKey for what is typed into a key field (any of the four forms), once typing pauses, so
 * "alias/d", "alias/de"… are not each described. A failure (no kms:DescribeKey, an unknown key)
 * is the caller's to show or ignore: forms only lose the key's facts, the operation still runs.
 */
export function useKeyLookup(keyRef: string) {
  const kms = useKmsClient();
  const typed = keyRef.trim();
  const settled = useSettled(typed);
  const parsed = settled === '' ? undefined : parseKeyReference(settled);
  const reference = parsed && isKeyReference(parsed) ? parsed : undefined;
  const query = useQuery({
    ...describeKeyQueryOptions(kms, settled),
    enabled: reference !== undefined,
  });
  const current = reference !== undefined && settled === typed;
  return {
    /** What was typed, once typing paused: the reference looked up. */
    settled,
    /** The settled text as a key reference; undefined when empty or not one. */
    reference,
    /** Why the settled text is not a key reference (undefined when empty or fine). */
    error: parsed && !isKeyReference(parsed) ? parsed.error : undefined,
    query,
    /** The key's metadata, when it describes what is typed now. */
    metadata: current ? query.data : undefined,
    /** True while the typed key is being described (or typing has not settled). */
    loading:
      typed !== '' &&
      (settled !== typed || (reference !== undefined && query.isFetching && !query.data)),
  };
}

/**
 * After a change to a key: describe it again and update the detail page and the key table
 * without reloading the 10,000-key catalog; what was looked up by an alias is looked up again.
 */
export async function refreshKey(
  queryClient: QueryClient,
  kms: KMSClient,
  keyId: string,
): Promise<KeyMetadata | undefined> {
  void queryClient.invalidateQueries({ queryKey: kmsKeys.aliasLookups() });
  try {
    const metadata = await describeKey(kms, keyId);
    queryClient.setQueryData(kmsKeys.describe(keyId), metadata);
    patchCatalog(queryClient, { type: 'key-updated', keyId, metadata });
    return metadata;
  } catch {
    await queryClient.invalidateQueries({ queryKey: kmsKeys.describe(keyId) });
    return undefined;
  }
}
