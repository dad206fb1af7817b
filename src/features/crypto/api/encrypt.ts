import {
  EncryptCommand,
  type EncryptCommandInput,
  type EncryptCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type EncryptResult = Omit<EncryptCommandOutput, '$metadata'> & { requestId?: string };

/** Encrypt: up to 4096 bytes under a symmetric or RSA key. */
export async function encrypt(
  kms: KMSClient,
  input: EncryptCommandInput,
  signal?: AbortSignal,
): Promise<EncryptResult> {
  const { $metadata, ...output } = await kms.send(new EncryptCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useEncrypt() {
  return useKmsOperation(encrypt);
}
