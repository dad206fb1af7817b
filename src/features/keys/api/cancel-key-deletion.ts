import { CancelKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

/** Cancelling leaves the key Disabled, as in AWS; it must be enabled to be used again. */
export async function cancelKeyDeletion(kms: KMSClient, keyId: string): Promise<void> {
  await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
}

export function useCancelKeyDeletion() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => cancelKeyDeletion(kms, keyId),
    onSuccess: (_, keyId) => refreshKey(queryClient, kms, keyId),
  });
}
