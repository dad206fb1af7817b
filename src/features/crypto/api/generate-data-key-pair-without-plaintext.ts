import {
  GenerateDataKeyPairWithoutPlaintextCommand,
  type GenerateDataKeyPairWithoutPlaintextCommandInput,
  type GenerateDataKeyPairWithoutPlaintextCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateDataKeyPairWithoutPlaintextResult = Omit<
  GenerateDataKeyPairWithoutPlaintextCommandOutput,
  '$metadata'
> & { requestId?: string };

/** GenerateDataKeyPairWithoutPlaintext: the public key and the encrypted private key. */
export async function generateDataKeyPairWithoutPlaintext(
  kms: KMSClient,
  input: GenerateDataKeyPairWithoutPlaintextCommandInput,
  signal?: AbortSignal,
): Promise<GenerateDataKeyPairWithoutPlaintextResult> {
  const { $metadata, ...output } = await kms.send(
    new GenerateDataKeyPairWithoutPlaintextCommand(input),
    { abortSignal: signal },
  );
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateDataKeyPairWithoutPlaintext() {
  return useKmsOperation(generateDataKeyPairWithoutPlaintext);
}
