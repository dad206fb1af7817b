import type { EncryptCommandInput, EncryptCommandOutput } from '@aws-sdk/client-kms';
import { readEncryptionAlgorithm } from '../algorithms';
import { PLAINTEXT_RULE, readGrantTokens, sensitiveBytes } from '../crypto-validation';
import { dryRunGate, readDryRun } from '../dry-run';
import { encryptWith, requireEncryptionKey } from '../encryption';
import { resolveKey } from '../key-lookup';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<EncryptCommandOutput, '$metadata'>;

export function encrypt(input: EncryptCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const plaintext = sensitiveBytes(v, input, 'Plaintext', { required: true, ...PLAINTEXT_RULE });
  const context = v.stringMap('EncryptionContext');
  const grantTokens = readGrantTokens(v);
  const algorithm = readEncryptionAlgorithm(v, 'EncryptionAlgorithm');
  const dryRun = readDryRun(v);
  v.done();

  const { key, requestAlias } = resolveKey(ctx, keyId);
  ctx.authorize({
    action: 'kms:Encrypt',
    key,
    requestAlias,
    encryptionContext: context,
    grantTokens,
    conditionKeys: { 'kms:EncryptionAlgorithm': algorithm },
  });
  requireEncryptionKey(key, algorithm, context, plaintext.length, 'Encrypt');
  dryRunGate(dryRun);

  const { ciphertext } = encryptWith(ctx, key, plaintext, algorithm, context);
  return { CiphertextBlob: ciphertext, KeyId: key.arn, EncryptionAlgorithm: algorithm };
}
