import { ListResourceTagsCommand, type KMSClient, type Tag } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { allPages } from '../../../kms/api/all-pages';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export function listResourceTags(kms: KMSClient, keyId: string): Promise<Tag[]> {
  return allPages(
    (Marker) => kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50, Marker })),
    (page) => page.Tags,
  );
}

export const tagsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.tags(keyId), queryFn: () => listResourceTags(kms, keyId) });

export function useTags(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...tagsQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
