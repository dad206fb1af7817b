import type { DecryptCommandInput, DecryptCommandOutput } from '@aws-sdk/client-kms';
import { readEncryptionAlgorithm } from '../algorithms';
import { CIPHERTEXT_RULE, readGrantTokens, rejectRecipient } from '../crypto-validation';
import { dryRunGate, readDryRun } from '../dry-run';
import { decryptWith, locateDecryptionKey, requireDecryptionKey } from '../encryption';
import type { OperationContext } from '../operation';
import { keyMaterialId } from '../symmetric-ciphertext';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DecryptCommandOutput, '$metadata'>;

export function decrypt(input: DecryptCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const dryRun = readDryRun(v, true);
  const ciphertext = v.bytes('CiphertextBlob', {
    required: !dryRun.ignoreCiphertext,
    ...CIPHERTEXT_RULE,
  });
  const context = v.stringMap('EncryptionContext');
  const grantTokens = readGrantTokens(v);
  const keyId = v.string('KeyId', { ...KEY_ID_RULE, required: dryRun.ignoreCiphertext });
  const algorithm = readEncryptionAlgorithm(v, 'EncryptionAlgorithm');
  v.done();
  rejectRecipient(input);

  const source = locateDecryptionKey(ctx, {
    ciphertext,
    keyIdInput: keyId,
    algorithm,
    ignoreCiphertext: dryRun.ignoreCiphertext,
  });
  const { key, requestAlias } = source;
  ctx.authorize({
    action: 'kms:Decrypt',
    key,
    requestAlias,
    encryptionContext: context,
    grantTokens,
    conditionKeys: { 'kms:EncryptionAlgorithm': algorithm },
  });
  requireDecryptionKey(key, algorithm, context, 'Decrypt');
  // A dry run still proves the ciphertext opens, unless IGNORE_CIPHERTEXT says not to.
  const decrypted = dryRun.ignoreCiphertext
    ? undefined
    : decryptWith(ctx, source, ciphertext!, algorithm, context);
  if (dryRun.dryRun) decrypted?.plaintext.fill(0);
  dryRunGate(dryRun);

  return {
    KeyId: key.arn,
    Plaintext: decrypted!.plaintext,
    EncryptionAlgorithm: algorithm,
    KeyMaterialId: decrypted!.materialId ? keyMaterialId(decrypted!.materialId) : undefined,
  };
}
