import {
  GenerateMacCommand,
  type GenerateMacCommandInput,
  type GenerateMacCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type GenerateMacResult = Omit<GenerateMacCommandOutput, '$metadata'> & {
  requestId?: string;
};

/** GenerateMac: an HMAC of a message with an HMAC key. */
export async function generateMac(
  kms: KMSClient,
  input: GenerateMacCommandInput,
  signal?: AbortSignal,
): Promise<GenerateMacResult> {
  const { $metadata, ...output } = await kms.send(new GenerateMacCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useGenerateMac() {
  return useKmsOperation(generateMac);
}
