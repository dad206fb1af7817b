import {
  GetPublicKeyCommand,
  type GetPublicKeyCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceScope } from '../query-keys';
import { useKmsClient } from '../../session/SessionProvider';

export type PublicKey = Omit<GetPublicKeyCommandOutput, '$metadata'>;

/** The public half of an asymmetric key (DER SubjectPublicKeyInfo): public, so it is cached for good; the key detail page and the Encrypt form share it. */
export async function getPublicKey(kms: KMSClient, keyId: string): Promise<PublicKey> {
  const { $metadata: _, ...publicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  return publicKey;
}

export const publicKeyQueryOptions = (kms: KMSClient, keyRef: string) =>
  queryOptions({
    queryKey: [...referenceScope(keyRef), 'public-key'],
    queryFn: () => getPublicKey(kms, keyRef),
    staleTime: Infinity,
  });

export function usePublicKey(keyRef: string, options: { enabled?: boolean } = {}) {
  const kms = useKmsClient();
  return useQuery({ ...publicKeyQueryOptions(kms, keyRef), enabled: options.enabled ?? true });
}
