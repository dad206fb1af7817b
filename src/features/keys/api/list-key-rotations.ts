import {
  type IncludeKeyMaterial,
  ListKeyRotationsCommand,
  type KMSClient,
  type RotationsListEntry,
} from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { allPages } from '../../../kms/api/all-pages';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/**
 * Every completed rotation of a key (automatic and on-demand), all pages; with ALL_KEY_MATERIAL
 * also its first key material and imported material pending rotation.
 */
export function listKeyRotations(
  kms: KMSClient,
  keyId: string,
  include: IncludeKeyMaterial = 'ROTATIONS_ONLY',
): Promise<RotationsListEntry[]> {
  return allPages(
    (Marker) =>
      kms.send(
        new ListKeyRotationsCommand({
          KeyId: keyId,
          IncludeKeyMaterial: include,
          Limit: 1000,
          Marker,
        }),
      ),
    (page) => page.Rotations,
  );
}

export const keyRotationsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.rotations(keyId), queryFn: () => listKeyRotations(kms, keyId) });

export function useKeyRotations(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...keyRotationsQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
