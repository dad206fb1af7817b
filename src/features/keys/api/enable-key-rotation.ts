import { EnableKeyRotationCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** AWS's bounds for RotationPeriodInDays. */
export const MIN_ROTATION_DAYS = 90;
export const MAX_ROTATION_DAYS = 2560;

export async function enableKeyRotation(
  kms: KMSClient,
  keyId: string,
  rotationPeriodInDays: number,
): Promise<void> {
  await kms.send(
    new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: rotationPeriodInDays }),
  );
}

export function useEnableKeyRotation() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; days: number }) =>
      enableKeyRotation(kms, input.keyId, input.days),
    onSuccess: (_, input) =>
      queryClient.invalidateQueries({ queryKey: kmsKeys.rotationStatus(input.keyId) }),
  });
}
