import {
  GenerateDataKeyWithoutPlaintextCommand,
  type GenerateDataKeyWithoutPlaintextCommandInput,
  type GenerateDataKeyWithoutPlaintextCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateDataKeyWithoutPlaintextResult = Omit<
  GenerateDataKeyWithoutPlaintextCommandOutput,
  '$metadata'
> & { requestId?: string };

/** GenerateDataKeyWithoutPlaintext: only the encrypted copy of a new data key. */
export async function generateDataKeyWithoutPlaintext(
  kms: KMSClient,
  input: GenerateDataKeyWithoutPlaintextCommandInput,
  signal?: AbortSignal,
): Promise<GenerateDataKeyWithoutPlaintextResult> {
  const { $metadata, ...output } = await kms.send(
    new GenerateDataKeyWithoutPlaintextCommand(input),
    { abortSignal: signal },
  );
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateDataKeyWithoutPlaintext() {
  return useKmsOperation(generateDataKeyWithoutPlaintext);
}
