import { DeleteAliasCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../session/SessionProvider';
import { applyAliasChange } from './alias-changes';

export async function deleteAlias(kms: KMSClient, aliasName: string): Promise<void> {
  await kms.send(new DeleteAliasCommand({ AliasName: aliasName }));
}

export function useDeleteAlias() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { aliasName: string; keyId?: string }) => deleteAlias(kms, input.aliasName),
    onSuccess: (_, input) =>
      applyAliasChange(queryClient, { aliasName: input.aliasName, keyIds: [input.keyId] }),
  });
}
