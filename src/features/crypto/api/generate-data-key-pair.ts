import {
  GenerateDataKeyPairCommand,
  type GenerateDataKeyPairCommandInput,
  type GenerateDataKeyPairCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateDataKeyPairResult = Omit<GenerateDataKeyPairCommandOutput, '$metadata'> & {
  requestId?: string;
};

/** GenerateDataKeyPair: a key pair, its private key in plaintext and encrypted. */
export async function generateDataKeyPair(
  kms: KMSClient,
  input: GenerateDataKeyPairCommandInput,
  signal?: AbortSignal,
): Promise<GenerateDataKeyPairResult> {
  const { $metadata, ...output } = await kms.send(new GenerateDataKeyPairCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateDataKeyPair() {
  return useKmsOperation(generateDataKeyPair);
}
