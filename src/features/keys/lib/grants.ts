import type { GrantConstraints, GrantOperation, KeyMetadata } from '@aws-sdk/client-kms';

const COMMON: GrantOperation[] = ['DescribeKey', 'CreateGrant', 'RetireGrant'];

/** Grant operations KMS accepts for a key, by its usage (others fail with ValidationException). */
export function grantOperationsFor(
  metadata: Pick<KeyMetadata, 'KeyUsage' | 'KeySpec'> | undefined,
): GrantOperation[] {
  switch (metadata?.KeyUsage) {
    case 'SIGN_VERIFY':
      return ['Sign', 'Verify', 'GetPublicKey', ...COMMON];
    case 'GENERATE_VERIFY_MAC':
      return ['GenerateMac', 'VerifyMac', ...COMMON];
    case 'KEY_AGREEMENT':
      return ['DeriveSharedSecret', 'GetPublicKey', ...COMMON];
    default:
      if (metadata?.KeySpec && metadata.KeySpec !== 'SYMMETRIC_DEFAULT') {
        return ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey', ...COMMON];
      }
      return [
        'Encrypt',
        'Decrypt',
        'ReEncryptFrom',
        'ReEncryptTo',
        'GenerateDataKey',
        'GenerateDataKeyWithoutPlaintext',
        'GenerateDataKeyPair',
        'GenerateDataKeyPairWithoutPlaintext',
        ...COMMON,
      ];
  }
}

/**
 * Parses the AWS CLI shorthand `key1=value1,key2=value2` (the format of the `context=` deep-link
 * parameter). Returns an error sentence for malformed input.
 */
export function parseContextShorthand(text: string): Record<string, string> | { error: string } {
  const result: Record<string, string> = {};
  const trimmed = text.trim();
  if (trimmed === '') return result;
  for (const pair of trimmed.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) return { error: `"${pair}" is not key=value.` };
    const key = pair.slice(0, at).trim();
    if (key in result) return { error: `The key "${key}" appears twice.` };
    result[key] = pair.slice(at + 1).trim();
  }
  return result;
}

export function describeConstraints(constraints: GrantConstraints | undefined): string {
  if (!constraints) return '—';
  const format = (context: Record<string, string>) =>
    Object.entries(context)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
  if (constraints.EncryptionContextEquals) {
    return `Encryption context equals ${format(constraints.EncryptionContextEquals)}`;
  }
  if (constraints.EncryptionContextSubset) {
    return `Encryption context includes ${format(constraints.EncryptionContextSubset)}`;
  }
  return '—';
}
