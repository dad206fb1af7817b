import {
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandInput,
  type GenerateDataKeyCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateDataKeyResult = Omit<GenerateDataKeyCommandOutput, '$metadata'> & {
  requestId?: string;
};

/** GenerateDataKey: a plaintext data key and its copy encrypted under the KMS key. */
export async function generateDataKey(
  kms: KMSClient,
  input: GenerateDataKeyCommandInput,
  signal?: AbortSignal,
): Promise<GenerateDataKeyResult> {
  const { $metadata, ...output } = await kms.send(new GenerateDataKeyCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateDataKey() {
  return useKmsOperation(generateDataKey);
}
