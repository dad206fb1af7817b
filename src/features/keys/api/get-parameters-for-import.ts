import {
  GetParametersForImportCommand,
  type GetParametersForImportCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { useMutation } from '@tanstack/react-query';
import { useKmsClient } from '../../../session/SessionProvider';
import type { ImportWrappingAlgorithm, ImportWrappingKeySpec } from '../lib/key-import';

export interface ImportParametersRequest {
  keyId: string;
  wrappingAlgorithm: ImportWrappingAlgorithm;
  wrappingKeySpec: ImportWrappingKeySpec;
}

/** A wrapping public key and import token set, with what it was asked for. */
export interface ImportParameters extends ImportParametersRequest {
  publicKey: Uint8Array;
  importToken: Uint8Array;
  validTo?: Date;
}

export async function getParametersForImport(
  kms: KMSClient,
  request: ImportParametersRequest,
): Promise<ImportParameters> {
  const answer: GetParametersForImportCommandOutput = await kms.send(
    new GetParametersForImportCommand({
      KeyId: request.keyId,
      WrappingAlgorithm: request.wrappingAlgorithm,
      WrappingKeySpec: request.wrappingKeySpec,
    }),
  );
  if (!answer.PublicKey || !answer.ImportToken) {
    throw new Error('GetParametersForImport returned no PublicKey or ImportToken');
  }
  return {
    ...request,
    publicKey: answer.PublicKey,
    importToken: answer.ImportToken,
    validTo: answer.ParametersValidTo,
  };
}

/**
 * A mutation, not a query: each call makes a new wrapping key pair and token (valid 24 hours,
 * good for one import), so it is sent only when the user asks and never cached.
 */
export function useGetParametersForImport() {
  const kms = useKmsClient();
  return useMutation({
    mutationFn: (request: ImportParametersRequest) => getParametersForImport(kms, request),
  });
}
