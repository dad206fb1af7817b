import {
  CreateGrantCommand,
  type CreateGrantCommandInput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** CreateGrant; the grant token in the answer is not kept (it only speeds up eventual consistency). */
export async function createGrant(kms: KMSClient, input: CreateGrantCommandInput) {
  const answer = await kms.send(new CreateGrantCommand(input));
  return { grantId: answer.GrantId };
}

export function useCreateGrant() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGrantCommandInput) => createGrant(kms, input),
    onSuccess: (_, input) =>
      queryClient.invalidateQueries({ queryKey: kmsKeys.grants(input.KeyId ?? '') }),
  });
}
