import type { KeyMetadata, KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { describeKey } from '../../../kms/api/describe-key';
import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/**
 * What a typed key reference points at (DescribeKey), so retargeting shows the new key's type and
 * usage before UpdateAlias, which requires them to match the old key's.
 */
export function resolveKey(kms: KMSClient, keyRef: string): Promise<KeyMetadata> {
  return describeKey(kms, keyRef);
}

export const resolveKeyQueryOptions = (kms: KMSClient, keyRef: string) =>
  queryOptions({
    queryKey: kmsKeys.resolve(keyRef),
    queryFn: () => resolveKey(kms, keyRef),
    retry: false,
  });

export function useResolvedKey(keyRef: string) {
  const kms = useKmsClient();
  const valid = isKeyReference(parseKeyReference(keyRef));
  return useQuery({ ...resolveKeyQueryOptions(kms, keyRef.trim()), enabled: valid });
}
