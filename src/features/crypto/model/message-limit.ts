import type { ByteLimit } from '../../../bytes/byte-input-model';
import { digestLength, PLAINTEXT_MAX } from './key-capabilities';

/** The Message limit of Sign and Verify: 4,096 bytes RAW, exactly the hash size as DIGEST. */
export function messageLimit(
  operation: string,
  messageType: 'RAW' | 'DIGEST',
  algorithm: string,
): ByteLimit {
  const digest = messageType === 'DIGEST' ? digestLength(algorithm) : undefined;
  if (digest !== undefined) {
    return { min: digest, max: digest, subject: `A ${algorithm} digest is` };
  }
  return { min: 1, max: PLAINTEXT_MAX, subject: `${operation} takes a Message of` };
}
