import { ListGrantsCommand, type GrantListEntry, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../query-keys';
import { useKmsClient } from '../../session/SessionProvider';
import { allPages } from './all-pages';

/** Every grant on a key (all pages): the key's Grants tab lists them; denials are explained with them. */
export function listGrants(kms: KMSClient, keyId: string): Promise<GrantListEntry[]> {
  return allPages(
    (Marker) => kms.send(new ListGrantsCommand({ KeyId: keyId, Limit: 100, Marker })),
    (page) => page.Grants,
  );
}

export const grantsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.grants(keyId), queryFn: () => listGrants(kms, keyId) });

export function useGrants(keyId: string) {
  const kms = useKmsClient();
  return useQuery(grantsQueryOptions(kms, keyId));
}
