import type {
  CustomerMasterKeySpec,
  GetPublicKeyCommandInput,
  GetPublicKeyCommandOutput,
} from '@aws-sdk/client-kms';
import { unsupportedOperation } from '../../protocol/errors';
import { isSymmetricKey, keyAlgorithms } from '../algorithms';
import { readGrantTokens } from '../crypto-validation';
import { requireNotPendingDeletion, requireNotPendingImport, resolveKey } from '../key-lookup';
import { publicKeyDer } from '../keys';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<GetPublicKeyCommandOutput, '$metadata'>;

/**
 * The public half of an asymmetric key, as SubjectPublicKeyInfo DER. Unlike the cryptographic
 * operations it works on a disabled key: a public key is no secret.
 */
export function getPublicKey(input: GetPublicKeyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const grantTokens = readGrantTokens(v);
  v.done();

  const { key, requestAlias } = resolveKey(ctx, keyId);
  ctx.authorize({ action: 'kms:GetPublicKey', key, requestAlias, grantTokens });
  requireNotPendingDeletion(key);
  requireNotPendingImport(key);
  // KMS answers symmetric and HMAC keys without a message.
  if (isSymmetricKey(key) || key.keyUsage === 'GENERATE_VERIFY_MAC') throw unsupportedOperation('');

  const material = ctx.store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw unsupportedOperation('');
  const { EncryptionAlgorithms, SigningAlgorithms, KeyAgreementAlgorithms } = keyAlgorithms(key);
  return {
    KeyId: key.arn,
    PublicKey: publicKeyDer(key.keySpec, material.material),
    CustomerMasterKeySpec: key.keySpec as CustomerMasterKeySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    EncryptionAlgorithms: EncryptionAlgorithms && [...EncryptionAlgorithms],
    SigningAlgorithms: SigningAlgorithms && [...SigningAlgorithms],
    KeyAgreementAlgorithms: KeyAgreementAlgorithms && [...KeyAgreementAlgorithms],
  };
}
