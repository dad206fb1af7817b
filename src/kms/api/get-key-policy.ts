import { GetKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useKmsClient } from '../../session/SessionProvider';
import { referenceScope } from '../query-keys';

/**
 * The key policy ("default", the only one a KMS key has) as GetKeyPolicy returns it. GetKeyPolicy
 * takes a key id or key ARN, not an alias.
 */
export async function getKeyPolicy(
  kms: KMSClient,
  keyRef: string,
  signal?: AbortSignal,
): Promise<string> {
  const answer = await kms.send(new GetKeyPolicyCommand({ KeyId: keyRef, PolicyName: 'default' }), {
    abortSignal: signal,
  });
  return answer.Policy ?? '';
}

/** One entry per key: the key policy tab and the Permissions page share it. */
export const keyPolicyQueryOptions = (kms: KMSClient, keyRef: string) =>
  queryOptions({
    queryKey: [...referenceScope(keyRef), 'policy'],
    queryFn: ({ signal }) => getKeyPolicy(kms, keyRef, signal),
  });

export function useKeyPolicy(keyRef: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...keyPolicyQueryOptions(kms, keyRef), enabled: options.enabled ?? true });
}
