import {
  ScheduleKeyDeletionCommand,
  type KMSClient,
  type ScheduleKeyDeletionCommandOutput,
} from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import { refreshKey } from '../../../kms/api/describe-key';

/** AWS's bounds for the waiting period. */
export const MIN_PENDING_DAYS = 7;
export const MAX_PENDING_DAYS = 30;

export function scheduleKeyDeletion(
  kms: KMSClient,
  keyId: string,
  pendingWindowInDays: number,
): Promise<ScheduleKeyDeletionCommandOutput> {
  return kms.send(
    new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: pendingWindowInDays }),
  );
}

export function useScheduleKeyDeletion() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; days: number }) =>
      scheduleKeyDeletion(kms, input.keyId, input.days),
    onSuccess: (_, input) => refreshKey(queryClient, kms, input.keyId),
  });
}
