import type { KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';
import { listKeyRotations } from './list-key-rotations';

/** Every key material of a key (ListKeyRotations ALL_KEY_MATERIAL), oldest first. */
export const keyMaterialsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({
    queryKey: kmsKeys.materials(keyId),
    queryFn: () => listKeyRotations(kms, keyId, 'ALL_KEY_MATERIAL'),
  });

export function useKeyMaterials(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...keyMaterialsQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
