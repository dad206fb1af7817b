import { UpdateAliasCommand, type KMSClient } from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKmsClient } from '../../session/SessionProvider';
import { aliasEntry, applyAliasChange } from './alias-changes';
import { describeKey } from './describe-key';

/**
 * UpdateAlias (point an alias at another key). UpdateAlias takes only a key id or key ARN, so a
 * typed alias is resolved first; KMS itself checks the new key has the same type and usage.
 */
export async function updateAlias(kms: KMSClient, aliasName: string, targetKey: string) {
  const target = await describeKey(kms, targetKey);
  await kms.send(new UpdateAliasCommand({ AliasName: aliasName, TargetKeyId: target.KeyId }));
  return { aliasName, target };
}

export function useUpdateAlias() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { aliasName: string; targetKey: string; previousKeyId?: string }) =>
      updateAlias(kms, input.aliasName, input.targetKey),
    onSuccess: ({ aliasName, target }, input) =>
      applyAliasChange(queryClient, {
        aliasName,
        entry: aliasEntry(aliasName, target.Arn ?? ''),
        keyIds: [target.KeyId, input.previousKeyId],
      }),
  });
}
