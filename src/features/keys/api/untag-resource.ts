import { UntagResourceCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export async function untagResource(
  kms: KMSClient,
  keyId: string,
  tagKeys: string[],
): Promise<void> {
  await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: tagKeys }));
}

export function useUntagResource() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; tagKeys: string[] }) =>
      untagResource(kms, input.keyId, input.tagKeys),
    onSuccess: (_, input) => queryClient.invalidateQueries({ queryKey: kmsKeys.tags(input.keyId) }),
  });
}
