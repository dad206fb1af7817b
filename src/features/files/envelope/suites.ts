import { AlgorithmSuiteIdentifier, type WebCryptoAlgorithmSuite } from './aws-crypto';

export interface SuiteDescription {
  id: number;
  /** The SDK's name, e.g. ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384. */
  name: string;
  /** Plain words, e.g. "AES-256-GCM, HKDF with SHA-512, key commitment, ECDSA P-384 signature". */
  summary: string;
  signed: boolean;
  committing: boolean;
}

/** What the description needs; the header's suite object (any backend) has these fields. */
export interface SuiteFacts {
  id: WebCryptoAlgorithmSuite['id'];
  keyLength: number;
  kdf?: string;
  kdfHash?: string;
  commitment: string;
  signatureCurve?: string;
}

/** `0x0578`, the way the message format documentation writes suite ids. */
export function suiteIdHex(id: number): string {
  return `0x${id.toString(16).padStart(4, '0').toUpperCase()}`;
}

export function describeSuite(suite: SuiteFacts): SuiteDescription {
  const parts = [`AES-${suite.keyLength}-GCM`];
  parts.push(suite.kdf ? `${suite.kdf} with ${suite.kdfHash}` : 'no key derivation');
  if (suite.commitment === 'KEY') parts.push('key commitment');
  if (suite.signatureCurve) parts.push(`ECDSA ${suite.signatureCurve} signature`);
  return {
    id: suite.id,
    name: AlgorithmSuiteIdentifier[suite.id] ?? suiteIdHex(suite.id),
    summary: parts.join(', '),
    signed: suite.signatureCurve !== undefined,
    committing: suite.commitment === 'KEY',
  };
}
