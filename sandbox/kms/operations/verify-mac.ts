import type { VerifyMacCommandInput, VerifyMacCommandOutput } from '@aws-sdk/client-kms';
import { invalidMac } from '../../protocol/errors';
import { CIPHERTEXT_RULE } from '../crypto-validation';
import { dryRunGate } from '../dry-run';
import { verifyMac as hmacMatches } from '../keys';
import { macKey, readMacMembers } from '../mac';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<VerifyMacCommandOutput, '$metadata'>;

/**
 * A MAC that doesn't match is KMSInvalidMacException, never MacValid false. A dry run checks the
 * MAC too, so it answers what the call would.
 */
export function verifyMac(input: VerifyMacCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const members = readMacMembers(v, input);
  const mac = v.bytes('Mac', { required: true, ...CIPHERTEXT_RULE });
  v.done();

  const request = macKey(ctx, members, 'kms:VerifyMac', 'VerifyMac');
  if (!hmacMatches({ ...request, mac: Buffer.from(mac) })) {
    throw invalidMac();
  }
  dryRunGate(members.dryRun);
  return { KeyId: request.key.arn, MacValid: true, MacAlgorithm: request.algorithm };
}
