import { DescribeKeyCommand, type KeyMetadata, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { completeKeyMetadata } from '../key-metadata';
import { kmsKeys } from '../query-keys';
import { useKmsClient } from '../../session/SessionProvider';
import { patchCatalog } from './key-catalog';

/** DescribeKey for a key id, key ARN, alias name or alias ARN. */
export async function describeKey(kms: KMSClient, keyRef: string): Promise<KeyMetadata> {
  const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyRef }));
  if (!answer.KeyMetadata) throw new Error(`DescribeKey returned no KeyMetadata for ${keyRef}`);
  return completeKeyMetadata(answer.KeyMetadata);
}

export const describeKeyQueryOptions = (kms: KMSClient, keyRef: string) =>
  queryOptions({
    queryKey: kmsKeys.describe(keyRef),
    queryFn: () => describeKey(kms, keyRef),
  });

export function useDescribeKey(keyRef: string) {
  const kms = useKmsClient();
  return useQuery(describeKeyQueryOptions(kms, keyRef));
}

/**
 * After a change to a key: describe it again and update the detail page and the key table
 * without reloading the 10,000-key catalog.
 */
export async function refreshKey(
  queryClient: QueryClient,
  kms: KMSClient,
  keyId: string,
): Promise<KeyMetadata | undefined> {
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
