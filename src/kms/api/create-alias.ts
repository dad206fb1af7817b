import { CreateAliasCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../session/SessionProvider';
import { aliasEntry, applyAliasChange } from './alias-changes';
import { describeKey } from './describe-key';

/** CreateAlias; `targetKey` may be any key reference: it is resolved to the key first. */
export async function createAlias(kms: KMSClient, aliasName: string, targetKey: string) {
  const target = await describeKey(kms, targetKey);
  await kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: target.KeyId }));
  return { aliasName, target };
}

export function useCreateAlias() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { aliasName: string; targetKey: string }) =>
      createAlias(kms, input.aliasName, input.targetKey),
    onSuccess: ({ aliasName, target }) =>
      applyAliasChange(queryClient, {
        aliasName,
        entry: aliasEntry(aliasName, target.Arn ?? ''),
        keyIds: [target.KeyId],
      }),
  });
}
