import { ListResourceTagsCommand, type KMSClient, type Tag } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export async function listResourceTags(kms: KMSClient, keyId: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let marker: string | undefined;
  do {
    const page = await kms.send(
      new ListResourceTagsCommand({ KeyId: keyId, Limit: 50, Marker: marker }),
    );
    tags.push(...(page.Tags ?? []));
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker);
  return tags;
}

export const tagsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.tags(keyId), queryFn: () => listResourceTags(kms, keyId) });

export function useTags(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...tagsQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
