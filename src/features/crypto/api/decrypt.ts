import {
  DecryptCommand,
  type DecryptCommandInput,
  type DecryptCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type DecryptResult = Omit<DecryptCommandOutput, '$metadata'> & { requestId?: string };

/** Decrypt: the plaintext is returned to this component only, never cached. */
export async function decrypt(
  kms: KMSClient,
  input: DecryptCommandInput,
  signal?: AbortSignal,
): Promise<DecryptResult> {
  const { $metadata, ...output } = await kms.send(new DecryptCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useDecrypt() {
  return useKmsOperation(decrypt);
}
