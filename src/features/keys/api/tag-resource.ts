import { TagResourceCommand, type KMSClient, type Tag } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** Adds tags, or replaces the value of existing tag keys. */
export async function tagResource(kms: KMSClient, keyId: string, tags: Tag[]): Promise<void> {
  await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: tags }));
}

export function useTagResource() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; tags: Tag[] }) =>
      tagResource(kms, input.keyId, input.tags),
    onSuccess: (_, input) => queryClient.invalidateQueries({ queryKey: kmsKeys.tags(input.keyId) }),
  });
}
