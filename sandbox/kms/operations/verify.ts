import type { VerifyCommandInput, VerifyCommandOutput } from '@aws-sdk/client-kms';
import { invalidSignature } from '../../protocol/errors';
import { CIPHERTEXT_RULE } from '../crypto-validation';
import { dryRunGate } from '../dry-run';
import { verifySignature } from '../keys';
import type { OperationContext } from '../operation';
import { asymmetricMaterial } from '../key-lookup';
import { readSigningMembers, signingKey } from '../signing';
import { InputValidator } from '../validation';

type Output = Omit<VerifyCommandOutput, '$metadata'>;

/**
 * A signature that doesn't verify is KMSInvalidSignatureException, as KMS answers, never
 * SignatureValid false. A dry run checks the signature too, so it answers what the call would.
 */
export function verify(input: VerifyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const members = readSigningMembers(v, input);
  const signature = v.bytes('Signature', { required: true, ...CIPHERTEXT_RULE });
  v.done();

  const request = signingKey(ctx, members, 'kms:Verify', 'Verify');
  const material = asymmetricMaterial(ctx, request.key);

  let valid: boolean;
  try {
    valid = verifySignature({
      material,
      algorithm: request.algorithm,
      message: request.message,
      messageType: request.messageType,
      signature: Buffer.from(signature),
    });
  } catch {
    valid = false;
  }
  if (!valid) throw invalidSignature();
  dryRunGate(request.dryRun);
  return { KeyId: request.key.arn, SignatureValid: true, SigningAlgorithm: request.algorithm };
}
