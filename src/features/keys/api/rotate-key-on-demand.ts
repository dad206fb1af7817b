import { RotateKeyOnDemandCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

export async function rotateKeyOnDemand(kms: KMSClient, keyId: string): Promise<void> {
  await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
}

export function useRotateKeyOnDemand() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => rotateKeyOnDemand(kms, keyId),
    onSuccess: async (_, keyId) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: kmsKeys.rotations(keyId) }),
        queryClient.invalidateQueries({ queryKey: kmsKeys.rotationStatus(keyId) }),
        refreshKey(queryClient, kms, keyId),
      ]);
    },
  });
}
