import { DisableKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

export async function disableKey(kms: KMSClient, keyId: string): Promise<void> {
  await kms.send(new DisableKeyCommand({ KeyId: keyId }));
}

export function useDisableKey() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => disableKey(kms, keyId),
    onSuccess: (_, keyId) => refreshKey(queryClient, kms, keyId),
  });
}
