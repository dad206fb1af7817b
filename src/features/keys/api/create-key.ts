import {
  CreateAliasCommand,
  CreateKeyCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
  type OriginType,
  type Tag,
} from '@aws-sdk/client-kms';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aliasEntry, applyAliasChange } from '../../../kms/api/alias-changes';
import { patchCatalog } from '../../../kms/api/key-catalog';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export interface CreateKeyInput {
  keySpec: KeySpec;
  keyUsage: KeyUsageType;
  /** EXTERNAL: a key for imported key material (PendingImport until it is imported). */
  origin?: OriginType;
  description?: string;
  tags?: Tag[];
  /** A multi-Region primary key (mrk- id), which can be replicated to other Regions. */
  multiRegion?: boolean;
  /** Created right after the key, like the AWS console's wizard. */
  aliasName?: string;
}

export class AliasAfterKeyError extends Error {
  override name = 'AliasAfterKeyError';
  constructor(
    readonly key: KeyMetadata,
    override readonly cause: unknown,
  ) {
    super(`The key ${key.KeyId} was created, but its alias could not be.`);
  }
}

export async function createKey(kms: KMSClient, input: CreateKeyInput): Promise<KeyMetadata> {
  const answer = await kms.send(
    new CreateKeyCommand({
      KeySpec: input.keySpec,
      KeyUsage: input.keyUsage,
      Origin: input.origin,
      Description: input.description || undefined,
      Tags: input.tags && input.tags.length > 0 ? input.tags : undefined,
      MultiRegion: input.multiRegion || undefined,
    }),
  );
  const key = answer.KeyMetadata;
  if (!key?.KeyId) throw new Error('CreateKey returned no KeyMetadata');
  if (input.aliasName) {
    try {
      await kms.send(
        new CreateAliasCommand({ AliasName: input.aliasName, TargetKeyId: key.KeyId }),
      );
    } catch (error) {
      throw new AliasAfterKeyError(key, error);
    }
  }
  return key;
}

export function useCreateKey() {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  const remember = (key: KeyMetadata) => {
    if (!key.KeyId) return;
    queryClient.setQueryData(kmsKeys.describe(key.KeyId), key);
    patchCatalog(queryClient, { type: 'key-updated', keyId: key.KeyId, metadata: key });
  };
  return useMutation({
    mutationFn: (input: CreateKeyInput) => createKey(kms, input),
    onSuccess: (key, input) => {
      remember(key);
      if (input.aliasName) {
        applyAliasChange(queryClient, {
          aliasName: input.aliasName,
          entry: aliasEntry(input.aliasName, key.Arn ?? ''),
          keyIds: [key.KeyId],
        });
      }
    },
    onError: (error) => {
      if (error instanceof AliasAfterKeyError) remember(error.key);
    },
  });
}
