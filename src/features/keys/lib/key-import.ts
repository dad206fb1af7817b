import type { AlgorithmSpec, KeySpec, WrappingKeySpec } from '@aws-sdk/client-kms';

/*
 * Importing key material from the console, as the KMS developer guide's steps 2 and 3 describe
 * it: the wrapping algorithms KMS accepts for each kind of key material, and how to wrap it with
 * OpenSSL (wrap-key-material.ts wraps it in the browser).
 */

export type ImportWrappingAlgorithm = Extract<
  AlgorithmSpec,
  'RSAES_OAEP_SHA_256' | 'RSAES_OAEP_SHA_1' | 'RSA_AES_KEY_WRAP_SHA_256' | 'RSA_AES_KEY_WRAP_SHA_1'
>;
export type ImportWrappingKeySpec = Exclude<WrappingKeySpec, 'SM2'>;

/** RSA_4096 first: the guide recommends "the longest RSA wrapping key that is practical". */
export const WRAPPING_KEY_SPECS: readonly ImportWrappingKeySpec[] = [
  'RSA_4096',
  'RSA_3072',
  'RSA_2048',
];

const OAEP: readonly ImportWrappingAlgorithm[] = ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'];
const HYBRID: readonly ImportWrappingAlgorithm[] = [
  'RSA_AES_KEY_WRAP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
];

/**
 * The wrapping algorithms the guide's "Select a wrapping algorithm" table lists for the key
 * material of a key spec, in its preference order (China Regions' SM2PKE left out). Undefined for
 * key specs whose material cannot be imported (ML-DSA, Ed25519, SM2 outside China).
 */
export function wrappingAlgorithmsFor(
  keySpec: KeySpec | undefined,
): readonly ImportWrappingAlgorithm[] | undefined {
  if (keySpec === undefined) return undefined;
  if (keySpec === 'SYMMETRIC_DEFAULT' || keySpec.startsWith('HMAC_')) return OAEP;
  if (keySpec.startsWith('RSA_')) return HYBRID;
  if (keySpec.startsWith('ECC_') && keySpec !== 'ECC_NIST_EDWARDS25519') {
    return [...HYBRID, ...OAEP];
  }
  return undefined;
}

/** The one combination the guide rules out beyond the table. */
export function wrappingProblem(
  keySpec: KeySpec | undefined,
  algorithm: ImportWrappingAlgorithm,
  wrappingKeySpec: ImportWrappingKeySpec,
): string | undefined {
  if (keySpec === 'ECC_NIST_P521' && wrappingKeySpec === 'RSA_2048' && OAEP.includes(algorithm)) {
    return 'An RSA_2048 wrapping key cannot wrap ECC_NIST_P521 key material with RSAES_OAEP: choose RSA_3072 or RSA_4096, or an RSA_AES_KEY_WRAP algorithm.';
  }
  return undefined;
}

/** The key material KMS expects, as "Requirements for imported key material" lists it. */
export function materialRequirement(keySpec: KeySpec | undefined): string {
  if (keySpec === 'SYMMETRIC_DEFAULT') return '256 bits (32 bytes) of binary data.';
  if (keySpec?.startsWith('HMAC_')) {
    const bits = Number(keySpec.slice('HMAC_'.length));
    return `Binary data of ${bits} to 1024 bits (${bits / 8} to 128 bytes).`;
  }
  if (keySpec?.startsWith('RSA_')) {
    return `The RSA private key (${keySpec.slice('RSA_'.length)}-bit modulus, two primes) in PKCS #8 format, DER-encoded.`;
  }
  return 'The elliptic curve private key in PKCS #8 format, DER-encoded (named curve).';
}

export const isHybridWrapping = (algorithm: ImportWrappingAlgorithm) => HYBRID.includes(algorithm);

/**
 * The guide's step 3 for the chosen algorithm as OpenSSL commands, for wrapping outside the
 * browser (files named as the guide names them).
 */
export function opensslWrapCommands(algorithm: ImportWrappingAlgorithm): string {
  const md = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const encrypt = (input: string, output: string) =>
    [
      'openssl pkeyutl -encrypt \\',
      `  -in ${input} -out ${output} \\`,
      '  -inkey WrappingPublicKey.bin -keyform DER -pubin \\',
      `  -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:${md} -pkeyopt rsa_mgf1_md:${md}`,
    ].join('\n');
  if (!isHybridWrapping(algorithm))
    return encrypt('PlaintextKeyMaterial.bin', 'EncryptedKeyMaterial.bin');
  return [
    'openssl rand -out aes-key.bin 32',
    'openssl enc -id-aes256-wrap-pad \\',
    '  -K "$(xxd -p < aes-key.bin | tr -d \'\\n\')" -iv A65959A6 \\',
    '  -in PlaintextKeyMaterial.bin -out key-material-wrapped.bin',
    encrypt('aes-key.bin', 'aes-key-wrapped.bin'),
    'cat aes-key-wrapped.bin key-material-wrapped.bin > EncryptedKeyMaterial.bin',
  ].join('\n');
}

const MAX_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/** What is wrong with an expiration (ImportKeyMaterial's ValidTo rules), if anything. */
export function expirationProblem(validTo: Date | undefined, now: Date): string | undefined {
  if (validTo === undefined || Number.isNaN(validTo.getTime())) {
    return 'Choose the date (and time, in UTC) the key material expires.';
  }
  if (validTo.getTime() <= now.getTime()) return 'Choose a date and time in the future.';
  if (validTo.getTime() > now.getTime() + MAX_VALIDITY_MS) {
    return 'Choose a date at most 365 days from now.';
  }
  return undefined;
}
