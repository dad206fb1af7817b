import {
  VerifyMacCommand,
  type VerifyMacCommandInput,
  type VerifyMacCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type VerifyMacResult = Omit<VerifyMacCommandOutput, '$metadata'> & { requestId?: string };

/** VerifyMac: whether a MAC matches (a mismatch is KMSInvalidMacException). */
export async function verifyMac(
  kms: KMSClient,
  input: VerifyMacCommandInput,
  signal?: AbortSignal,
): Promise<VerifyMacResult> {
  const { $metadata, ...output } = await kms.send(new VerifyMacCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useVerifyMac() {
  return useKmsOperation(verifyMac);
}
