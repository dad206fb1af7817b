import { GetKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { queryOptions } from '@tanstack/react-query';
import { kmsKeys } from '../../../kms/query-keys';

/** GetKeyPolicy takes a key id or key ARN, not an alias; its query key wants the bare key id. */
export function keyIdOfArn(keyArn: string): string {
  return keyArn.slice(keyArn.lastIndexOf('/') + 1);
}

/** The key policy ("default", the only one a KMS key has) as GetKeyPolicy returns it. */
export async function getKeyPolicy(
  kms: KMSClient,
  keyArn: string,
  signal?: AbortSignal,
): Promise<string> {
  const answer = await kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }), {
    abortSignal: signal,
  });
  return answer.Policy ?? '';
}

/** Shares its cache entry with the key's policy tab (same key, same answer). */
export const keyPolicyQueryOptions = (kms: KMSClient, keyArn: string) =>
  queryOptions({
    queryKey: kmsKeys.policy(keyIdOfArn(keyArn)),
    queryFn: ({ signal }) => getKeyPolicy(kms, keyArn, signal),
    retry: false,
  });
