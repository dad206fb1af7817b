import type { EncryptionAlgorithmSpec } from '@aws-sdk/client-kms';
import { useState } from 'react';
import { ALL_ENCRYPTION_ALGORITHMS, isRsaEncryptionKey } from '../../model/key-capabilities';
import { isRsaOaepAlgorithm } from '../../webcrypto/rsa-oaep';
import type { KeyChoice } from './use-keyed-request';

/**
 * The encryption algorithm of one key (Encrypt, Decrypt, each side of ReEncrypt): the key's own
 * algorithms when it can be described, every one otherwise (KMS then checks). Symmetric keys
 * need none (SYMMETRIC_DEFAULT); RSA keys need one of theirs.
 */
export function useEncryptionAlgorithm(key: KeyChoice, initial = '') {
  const [algorithm, setAlgorithm] = useState(initial);
  const rsaKey = isRsaEncryptionKey(key.metadata);
  const options: readonly string[] =
    key.metadata?.EncryptionAlgorithms ?? ALL_ENCRYPTION_ALGORITHMS;
  const value = options.includes(algorithm) ? algorithm : '';
  const rsaChosen = isRsaOaepAlgorithm(value);
  return {
    options,
    /** The choice as the select shows it; '' is the key's default. */
    value,
    setAlgorithm,
    /** The algorithm to send: undefined for the default. */
    spec: (value || undefined) as EncryptionAlgorithmSpec | undefined,
    /** DescribeKey says the key is an RSA encryption key. */
    rsaKey,
    /** An RSA-OAEP algorithm is chosen. */
    rsaChosen,
    /** RSA either way: the key says so, or (key not describable) an RSA algorithm was chosen. */
    rsa: rsaKey || rsaChosen,
    /** An RSA key without an RSA algorithm: KMS would refuse the request. */
    missing: rsaKey && !rsaChosen,
  };
}

export type EncryptionAlgorithm = ReturnType<typeof useEncryptionAlgorithm>;
