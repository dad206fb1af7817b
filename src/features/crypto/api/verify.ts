import {
  VerifyCommand,
  type VerifyCommandInput,
  type VerifyCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type VerifyResult = Omit<VerifyCommandOutput, '$metadata'> & { requestId?: string };

/** Verify: whether a signature matches (a mismatch is KMSInvalidSignatureException). */
export async function verify(
  kms: KMSClient,
  input: VerifyCommandInput,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  const { $metadata, ...output } = await kms.send(new VerifyCommand(input), {
    abortSignal: signal,
  });
  return { ...output, requestId: $metadata.requestId };
}

export function useVerify() {
  return useKmsOperation(verify);
}
