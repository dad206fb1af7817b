import { GetKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/** The key policy (KMS keys have exactly one, named "default"). */
export async function getKeyPolicy(kms: KMSClient, keyId: string): Promise<string> {
  const answer = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  return answer.Policy ?? '';
}

export const keyPolicyQueryOptions = (kms: KMSClient, keyId: string) =>
  queryOptions({ queryKey: kmsKeys.policy(keyId), queryFn: () => getKeyPolicy(kms, keyId) });

export function useKeyPolicy(keyId: string) {
  const kms = useKmsClient();
  return useQuery(keyPolicyQueryOptions(kms, keyId));
}
