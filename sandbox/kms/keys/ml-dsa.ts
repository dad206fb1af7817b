import {
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { KeyMaterialError } from './errors';

/*
 * ML-DSA (FIPS 204) as KMS offers it: ML_DSA_SHAKE_256, pure ML-DSA with an empty context, over a
 * RAW message of at most 4096 bytes or over an EXTERNAL_MU: the 64-byte message representative μ
 * the caller computed (FIPS 204 §6.2), μ = SHAKE256(SHAKE256(pk, 64) ‖ 0x00 ‖ 0x00 ‖ M, 64).
 *
 * RAW goes through node:crypto (OpenSSL 3.5). OpenSSL can sign a given μ, but Node passes none of
 * its signature parameters through, so μ goes through @noble/post-quantum (audited, pure JS), whose
 * `internal` API takes μ as is. Its key is expanded from the same 32-byte seed Node keeps, so
 * both sign for the same key pair, and a signature over μ is a signature over M.
 *
 * Signing is hedged (fresh randomness per signature), FIPS 204's default; AWS does not document
 * whether KMS hedges, so callers must not expect two signatures of one message to be equal.
 */

export type MlDsaMessageType = 'RAW' | 'EXTERNAL_MU';

/** The length of μ, FIPS 204's message representative. */
export const EXTERNAL_MU_BYTES = 64;

const IMPLEMENTATIONS = {
  'ml-dsa-44': ml_dsa44,
  'ml-dsa-65': ml_dsa65,
  'ml-dsa-87': ml_dsa87,
} as const;

type MlDsaKeyType = keyof typeof IMPLEMENTATIONS;

let runtimeSupport: boolean | undefined;

/**
 * Whether this Node.js has ML-DSA in node:crypto (24.7 and later; Node 22 does not, whatever its
 * OpenSSL). The sandbox keeps ML-DSA keys as node:crypto keys, so without it it cannot make them.
 */
export function runtimeHasMlDsa(): boolean {
  if (runtimeSupport === undefined) {
    try {
      generateKeyPairSync('ml-dsa-44');
      runtimeSupport = true;
    } catch {
      runtimeSupport = false;
    }
  }
  return runtimeSupport;
}

function keyTypeOf(key: KeyObject): MlDsaKeyType {
  const type = key.asymmetricKeyType;
  if (type === undefined || !Object.hasOwn(IMPLEMENTATIONS, type)) {
    throw new KeyMaterialError('ML_DSA_SHAKE_256 can only be used with an ML-DSA key');
  }
  return type as MlDsaKeyType;
}

export interface MlDsaSignInput {
  privateKey: KeyObject;
  /** The message (RAW) or μ (EXTERNAL_MU, exactly 64 bytes). */
  message: Buffer;
  messageType: MlDsaMessageType;
}

export interface MlDsaVerifyInput {
  publicKey: KeyObject;
  message: Buffer;
  messageType: MlDsaMessageType;
  signature: Buffer;
}

export function signMlDsa(input: MlDsaSignInput): Buffer {
  const type = keyTypeOf(input.privateKey);
  if (input.messageType === 'RAW') return nodeSign(null, input.message, input.privateKey);
  requireMu(input.message);
  const seed = input.privateKey.export({ format: 'raw-seed' });
  const { secretKey } = IMPLEMENTATIONS[type].keygen(seed);
  const signature = IMPLEMENTATIONS[type].internal.sign(input.message, secretKey, {
    externalMu: true,
  });
  return Buffer.from(signature);
}

/** False for a signature that doesn't verify, including bytes of the wrong length. */
export function verifyMlDsa(input: MlDsaVerifyInput): boolean {
  const type = keyTypeOf(input.publicKey);
  if (input.messageType === 'RAW') {
    return nodeVerify(null, input.message, input.publicKey, input.signature);
  }
  requireMu(input.message);
  const publicKey = input.publicKey.export({ format: 'raw-public' });
  try {
    return IMPLEMENTATIONS[type].internal.verify(input.signature, input.message, publicKey, {
      externalMu: true,
    });
  } catch {
    return false;
  }
}

function requireMu(mu: Buffer): void {
  if (mu.length !== EXTERNAL_MU_BYTES) {
    throw new RangeError(`An external μ must be ${EXTERNAL_MU_BYTES} bytes`);
  }
}
