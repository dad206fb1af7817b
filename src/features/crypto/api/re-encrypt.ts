import {
  ReEncryptCommand,
  type ReEncryptCommandInput,
  type ReEncryptCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type ReEncryptResult = Omit<ReEncryptCommandOutput, '$metadata'> & { requestId?: string };

/** ReEncrypt: decrypts and encrypts again inside KMS; the plaintext never leaves it. */
export async function reEncrypt(
  kms: KMSClient,
  input: ReEncryptCommandInput,
  signal?: AbortSignal,
): Promise<ReEncryptResult> {
  const { $metadata, ...output } = await kms.send(new ReEncryptCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useReEncrypt() {
  return useKmsOperation(reEncrypt);
}
