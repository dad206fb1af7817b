import { randomBytes } from 'node:crypto';
import type {
  GetParametersForImportCommandInput,
  GetParametersForImportCommandOutput,
} from '@aws-sdk/client-kms';
import { notFound, unsupportedOperation, validationMessage } from '../../protocol/errors';
import { importTokenId, requireExternalOrigin } from '../imported-material';
import { requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import {
  generateWrappingKeyPair,
  isWrappingAlgorithm,
  isWrappingKeySpec,
  MODEL_WRAPPING_ALGORITHMS,
  MODEL_WRAPPING_KEY_SPECS,
  unsupportedWrapping,
} from '../keys/key-import';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<GetParametersForImportCommandOutput, '$metadata'>;

/** "Each public key and import token set is valid for 24 hours." */
export const IMPORT_PARAMETERS_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** The token is opaque; AWS's are longer, but only their use is documented. */
const IMPORT_TOKEN_BYTES = 32;

/**
 * A fresh RSA wrapping key pair and an import token for an EXTERNAL key: the public key goes to
 * the caller, the private key stays with the token until an import uses it or it expires. Any
 * number of sets may be outstanding at once (the guide: "You can download new wrapping public key
 * and import token sets at any time"; it does not say a newer set voids an older one).
 */
export async function getParametersForImport(
  input: GetParametersForImportCommandInput,
  ctx: OperationContext,
): Promise<Output> {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const algorithm = v.string('WrappingAlgorithm', {
    required: true,
    enum: MODEL_WRAPPING_ALGORITHMS,
  });
  const wrappingKeySpec = v.string('WrappingKeySpec', {
    required: true,
    enum: MODEL_WRAPPING_KEY_SPECS,
  });
  v.done();

  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:GetParametersForImport',
    key,
    conditionInput: { wrappingAlgorithm: algorithm, wrappingKeySpec },
  });
  requireExternalOrigin(key);
  requireNotPendingDeletion(key);
  // AWS's wording for these refusals is not documented; the sandbox says what the developer
  // guide's "Select a wrapping algorithm" says.
  if (algorithm === 'RSAES_PKCS1_V1_5') {
    throw unsupportedOperation(
      'As of October 10, 2023, KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm. Use RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256.',
    );
  }
  if (!isWrappingAlgorithm(algorithm) || !isWrappingKeySpec(wrappingKeySpec)) {
    throw unsupportedOperation(
      `The SM2PKE wrapping algorithm and the SM2 wrapping key spec are supported only in China Regions, not in ${ctx.region}.`,
    );
  }
  const unsupported = unsupportedWrapping(key.keySpec, algorithm, wrappingKeySpec);
  if (unsupported) throw validationMessage(unsupported);

  const pair = await generateWrappingKeyPair(wrappingKeySpec);
  // The key may have been deleted while the pair was generated.
  if (!ctx.store.keys.get(key)) throw notFound(`Key '${key.arn}' does not exist`);
  const token = randomBytes(IMPORT_TOKEN_BYTES);
  const validTo = new Date(ctx.now.getTime() + IMPORT_PARAMETERS_VALIDITY_MS);
  ctx.store.importTokens.insert({
    tokenId: importTokenId(token),
    region: key.region,
    keyId: key.keyId,
    wrappingAlgorithm: algorithm,
    wrappingKeySpec,
    privateKey: pair.privateKey,
    validTo,
  });
  return {
    KeyId: key.arn,
    ImportToken: token,
    PublicKey: pair.publicKey,
    ParametersValidTo: validTo,
  };
}
