import type { ReEncryptCommandInput, ReEncryptCommandOutput } from '@aws-sdk/client-kms';
import { readEncryptionAlgorithm } from '../algorithms';
import { CIPHERTEXT_RULE, readGrantTokens } from '../crypto-validation';
import { dryRunGate, readDryRun } from '../dry-run';
import {
  decryptWith,
  encryptWith,
  locateDecryptionKey,
  requireDecryptionKey,
  requireEncryptionKey,
} from '../encryption';
import { resolveKey } from '../key-lookup';
import type { OperationContext } from '../operation';
import { keyMaterialId } from '../symmetric-ciphertext';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ReEncryptCommandOutput, '$metadata'>;

/**
 * Decrypts under the source key and encrypts under the destination key without the plaintext
 * leaving KMS. Needs kms:ReEncryptFrom on the source (with the source context) and
 * kms:ReEncryptTo on the destination (with the destination context).
 */
export function reEncrypt(input: ReEncryptCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const dryRun = readDryRun(v, true);
  const ciphertext = v.bytes('CiphertextBlob', {
    required: !dryRun.ignoreCiphertext,
    ...CIPHERTEXT_RULE,
  });
  const sourceContext = v.stringMap('SourceEncryptionContext');
  const sourceKeyId = v.string('SourceKeyId', {
    ...KEY_ID_RULE,
    required: dryRun.ignoreCiphertext,
  });
  const destinationKeyId = v.string('DestinationKeyId', KEY_ID_RULE);
  const destinationContext = v.stringMap('DestinationEncryptionContext');
  const sourceAlgorithm = readEncryptionAlgorithm(v, 'SourceEncryptionAlgorithm');
  const destinationAlgorithm = readEncryptionAlgorithm(v, 'DestinationEncryptionAlgorithm');
  const grantTokens = readGrantTokens(v);
  v.done();

  const source = locateDecryptionKey(ctx, {
    ciphertext,
    keyIdInput: sourceKeyId,
    algorithm: sourceAlgorithm,
    ignoreCiphertext: dryRun.ignoreCiphertext,
  });
  const destination = resolveKey(ctx, destinationKeyId);
  const sameKey = source.key.keyId === destination.key.keyId;
  ctx.authorize({
    action: 'kms:ReEncryptFrom',
    key: source.key,
    requestAlias: source.requestAlias,
    encryptionContext: sourceContext,
    grantTokens,
    conditionKeys: {
      'kms:EncryptionAlgorithm': sourceAlgorithm,
      'kms:ReEncryptOnSameKey': sameKey,
    },
  });
  ctx.authorize({
    action: 'kms:ReEncryptTo',
    key: destination.key,
    requestAlias: destination.requestAlias,
    encryptionContext: destinationContext,
    grantTokens,
    conditionKeys: {
      'kms:EncryptionAlgorithm': destinationAlgorithm,
      'kms:ReEncryptOnSameKey': sameKey,
    },
  });

  requireDecryptionKey(source.key, sourceAlgorithm, sourceContext, 'ReEncrypt');
  const decrypted = dryRun.ignoreCiphertext
    ? undefined
    : decryptWith(ctx, source, ciphertext!, sourceAlgorithm, sourceContext);
  try {
    requireEncryptionKey(
      destination.key,
      destinationAlgorithm,
      destinationContext,
      decrypted?.plaintext.length,
      'ReEncrypt',
    );
    dryRunGate(dryRun);
    const encrypted = encryptWith(
      ctx,
      destination.key,
      decrypted!.plaintext,
      destinationAlgorithm,
      destinationContext,
    );
    return {
      CiphertextBlob: encrypted.ciphertext,
      SourceKeyId: source.key.arn,
      KeyId: destination.key.arn,
      SourceEncryptionAlgorithm: sourceAlgorithm,
      DestinationEncryptionAlgorithm: destinationAlgorithm,
      SourceKeyMaterialId: decrypted!.materialId ? keyMaterialId(decrypted!.materialId) : undefined,
      DestinationKeyMaterialId: encrypted.materialId
        ? keyMaterialId(encrypted.materialId)
        : undefined,
    };
  } finally {
    decrypted?.plaintext.fill(0);
  }
}
