import {
  GetKeyRotationStatusCommand,
  type GetKeyRotationStatusCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

export type RotationStatus = Omit<GetKeyRotationStatusCommandOutput, '$metadata'>;

export async function getKeyRotationStatus(kms: KMSClient, keyId: string): Promise<RotationStatus> {
  const { $metadata: _, ...status } = await kms.send(
    new GetKeyRotationStatusCommand({ KeyId: keyId }),
  );
  return status;
}

export const rotationStatusQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({
    queryKey: kmsKeys.rotationStatus(keyId),
    queryFn: () => getKeyRotationStatus(kms, keyId),
  });

export function useRotationStatus(keyId: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...rotationStatusQueryOptions(kms, keyId), enabled: options.enabled ?? true });
}
