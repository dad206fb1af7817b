import type { SignCommandInput, SignCommandOutput } from '@aws-sdk/client-kms';
import { dryRunGate } from '../dry-run';
import { signMessage } from '../keys';
import type { OperationContext } from '../operation';
import { asymmetricMaterial } from '../key-lookup';
import { readSigningMembers, signingKey } from '../signing';
import { InputValidator } from '../validation';

type Output = Omit<SignCommandOutput, '$metadata'>;

export function sign(input: SignCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const members = readSigningMembers(v, input);
  v.done();

  const request = signingKey(ctx, members, 'kms:Sign', 'Sign');
  dryRunGate(request.dryRun);

  const signature = signMessage({
    material: asymmetricMaterial(ctx, request.key),
    algorithm: request.algorithm,
    message: request.message,
    messageType: request.messageType,
  });
  return { KeyId: request.key.arn, Signature: signature, SigningAlgorithm: request.algorithm };
}
