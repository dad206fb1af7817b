import { UpdateKeyDescriptionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

export async function updateKeyDescription(
  kms: KMSClient,
  keyId: string,
  description: string,
): Promise<void> {
  await kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: description }));
}

export function useUpdateKeyDescription() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; description: string }) =>
      updateKeyDescription(kms, input.keyId, input.description),
    onSuccess: (_, input) => refreshKey(queryClient, kms, input.keyId),
  });
}
