import { RevokeGrantCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export async function revokeGrant(kms: KMSClient, keyId: string, grantId: string): Promise<void> {
  await kms.send(new RevokeGrantCommand({ KeyId: keyId, GrantId: grantId }));
}

export function useRevokeGrant() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; grantId: string }) =>
      revokeGrant(kms, input.keyId, input.grantId),
    onSuccess: (_, input) =>
      queryClient.invalidateQueries({ queryKey: kmsKeys.grants(input.keyId) }),
  });
}
