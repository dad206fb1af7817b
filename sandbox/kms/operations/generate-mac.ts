import type { GenerateMacCommandInput, GenerateMacCommandOutput } from '@aws-sdk/client-kms';
import { dryRunGate } from '../dry-run';
import { generateMac as hmac } from '../keys';
import { macKey, readMacMembers } from '../mac';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<GenerateMacCommandOutput, '$metadata'>;

export function generateMac(input: GenerateMacCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const members = readMacMembers(v, input);
  v.done();

  const request = macKey(ctx, members, 'kms:GenerateMac', 'GenerateMac');
  dryRunGate(members.dryRun);

  const mac = hmac(request);
  return { Mac: mac, MacAlgorithm: request.algorithm, KeyId: request.key.arn };
}
