import { DisableKeyRotationCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export async function disableKeyRotation(kms: KMSClient, keyId: string): Promise<void> {
  await kms.send(new DisableKeyRotationCommand({ KeyId: keyId }));
}

export function useDisableKeyRotation() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => disableKeyRotation(kms, keyId),
    onSuccess: (_, keyId) =>
      queryClient.invalidateQueries({ queryKey: kmsKeys.rotationStatus(keyId) }),
  });
}
