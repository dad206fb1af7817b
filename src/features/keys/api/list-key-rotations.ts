import {
  ListKeyRotationsCommand,
  type KMSClient,
  type RotationsListEntry,
} from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** Every completed rotation of a key (automatic and on-demand), all pages. */
export async function listKeyRotations(
  kms: KMSClient,
  keyId: string,
): Promise<RotationsListEntry[]> {
  const rotations: RotationsListEntry[] = [];
  let marker: string | undefined;
  do {
    const page = await kms.send(
      new ListKeyRotationsCommand({ KeyId: keyId, Limit: 1000, Marker: marker }),
    );
    rotations.push(...(page.Rotations ?? []));
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker);
  return rotations;
}

export const keyRotationsQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.rotations(keyId), queryFn: () => listKeyRotations(kms, keyId) });

export function useKeyRotations(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...keyRotationsQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
