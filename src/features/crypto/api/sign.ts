import {
  SignCommand,
  type SignCommandInput,
  type SignCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useKmsOperation } from './use-kms-operation';

export type SignResult = Omit<SignCommandOutput, '$metadata'> & { requestId?: string };

/** Sign: a signature of a message or digest with an asymmetric key. */
export async function sign(
  kms: KMSClient,
  input: SignCommandInput,
  signal?: AbortSignal,
): Promise<SignResult> {
  const { $metadata, ...output } = await kms.send(new SignCommand(input), { abortSignal: signal });
  return { ...output, requestId: $metadata.requestId };
}

export function useSign() {
  return useKmsOperation(sign);
}
