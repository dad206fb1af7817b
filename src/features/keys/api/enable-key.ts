import { EnableKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

export async function enableKey(kms: KMSClient, keyId: string): Promise<void> {
  await kms.send(new EnableKeyCommand({ KeyId: keyId }));
}

export function useEnableKey() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => enableKey(kms, keyId),
    onSuccess: (_, keyId) => refreshKey(queryClient, kms, keyId),
  });
}
