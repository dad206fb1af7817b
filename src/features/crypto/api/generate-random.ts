import {
  GenerateRandomCommand,
  type GenerateRandomCommandInput,
  type GenerateRandomCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateRandomResult = Omit<GenerateRandomCommandOutput, '$metadata'> & {
  requestId?: string;
};

/** GenerateRandom: random bytes from the KMS random number generator. */
export async function generateRandom(
  kms: KMSClient,
  input: GenerateRandomCommandInput,
  signal?: AbortSignal,
): Promise<GenerateRandomResult> {
  const { $metadata, ...output } = await kms.send(new GenerateRandomCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateRandom() {
  return useKmsOperation(generateRandom);
}
