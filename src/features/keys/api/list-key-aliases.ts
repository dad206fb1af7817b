import type { AliasListEntry, KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAllAliases } from '../../../kms/api/list-aliases';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** ListAliases for one key (its KeyId parameter). */
export function listKeyAliases(kms: KMSClient, keyId: string): Promise<AliasListEntry[]> {
  return listAllAliases(kms, { keyId });
}

export const keyAliasesQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.keyAliases(keyId), queryFn: () => listKeyAliases(kms, keyId) });

export function useKeyAliases(keyId: string) {
  const kms = useKmsClient();
  return useQuery(keyAliasesQueryOptions(kms, keyId));
}
