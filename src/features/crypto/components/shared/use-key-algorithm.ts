import { useState } from 'react';
import {
  ALL_MAC_ALGORITHMS,
  ALL_SIGNING_ALGORITHMS,
  effectiveAlgorithm,
} from '../../model/key-capabilities';
import type { KeyedRequest } from './use-keyed-request';

const EVERY_ALGORITHM = {
  SigningAlgorithms: ALL_SIGNING_ALGORITHMS,
  MacAlgorithms: ALL_MAC_ALGORITHMS,
} as const;

export interface KeyAlgorithm {
  /** The key's algorithms (every one while the key cannot be described: KMS then checks). */
  options: readonly string[];
  /** The algorithm to send; '' until one is chosen. */
  algorithm: string;
  setAlgorithm(algorithm: string): void;
}

/**
 * A choice among the signing or MAC algorithms of the request's key. A key with exactly one (an
 * ECC or HMAC key) needs no choice, and a choice the next key does not offer is not sent.
 */
export function useKeyAlgorithm(
  request: KeyedRequest,
  member: keyof typeof EVERY_ALGORITHM,
  initial = '',
): KeyAlgorithm {
  const [chosen, setAlgorithm] = useState(initial);
  const options: readonly string[] = request.key.metadata?.[member] ?? EVERY_ALGORITHM[member];
  return { options, algorithm: effectiveAlgorithm(options, chosen), setAlgorithm };
}
