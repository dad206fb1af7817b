import { PutKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** KMS keeps the lockout safety check on, as the AWS console does. */
export async function putKeyPolicy(kms: KMSClient, keyId: string, policy: string): Promise<void> {
  await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: policy }));
}

export function usePutKeyPolicy() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { keyId: string; policy: string }) =>
      putKeyPolicy(kms, input.keyId, input.policy),
    onSuccess: (_, input) => {
      queryClient.setQueryData(kmsKeys.policy(input.keyId), input.policy);
      void queryClient.invalidateQueries({ queryKey: kmsKeys.policy(input.keyId) });
    },
  });
}
