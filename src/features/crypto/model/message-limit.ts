import type { ByteLimit } from '../../../bytes/byte-input-model';
import { digestLength, PLAINTEXT_MAX } from './key-capabilities';

/** Sign and Verify's MessageType: how much of the signing algorithm the caller did already. */
export type MessageType = 'RAW' | 'DIGEST' | 'EXTERNAL_MU';

export const ML_DSA_ALGORITHM = 'ML_DSA_SHAKE_256';

/** ML-DSA's message representative μ (FIPS 204 section 6.2) is 64 bytes. */
export const EXTERNAL_MU_BYTES = 64;

/**
 * The message types an algorithm takes: ML-DSA signs a message or its μ, never a SHA-2 digest;
 * the other algorithms sign a message or its digest. Every type while no algorithm is chosen.
 */
export function messageTypesFor(algorithm: string): MessageType[] {
  if (algorithm === ML_DSA_ALGORITHM) return ['RAW', 'EXTERNAL_MU'];
  if (algorithm === '') return ['RAW', 'DIGEST', 'EXTERNAL_MU'];
  return ['RAW', 'DIGEST'];
}

/** The chosen message type if the algorithm takes it, else RAW (which every algorithm takes). */
export function effectiveMessageType(algorithm: string, chosen: MessageType): MessageType {
  return messageTypesFor(algorithm).includes(chosen) ? chosen : 'RAW';
}

/**
 * The Message limit of Sign and Verify: 4,096 bytes RAW, exactly the hash size as DIGEST, exactly
 * 64 bytes as EXTERNAL_MU.
 */
export function messageLimit(
  operation: string,
  messageType: MessageType,
  algorithm: string,
): ByteLimit {
  if (messageType === 'EXTERNAL_MU') {
    return {
      min: EXTERNAL_MU_BYTES,
      max: EXTERNAL_MU_BYTES,
      subject: 'An ML-DSA μ (EXTERNAL_MU) is',
    };
  }
  const digest = messageType === 'DIGEST' ? digestLength(algorithm) : undefined;
  if (digest !== undefined) {
    return { min: digest, max: digest, subject: `A ${algorithm} digest is` };
  }
  return { min: 1, max: PLAINTEXT_MAX, subject: `${operation} takes a Message of` };
}
