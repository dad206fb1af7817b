import { aeskwp } from '@noble/ciphers/aes.js';
import { isHybridWrapping, type ImportWrappingAlgorithm } from './key-import';

/*
 * Wrapping key material in the browser. RSA-OAEP is WebCrypto's; AES key wrap with padding
 * (RFC 5649), which the RSA_AES_KEY_WRAP algorithms need and WebCrypto lacks (its AES-KW is
 * RFC 3394, without padding), is @noble/ciphers' audited `aeskwp`. Loaded only when the user
 * wraps, so the key pages do not carry it.
 */

const oaepHash = (algorithm: ImportWrappingAlgorithm) =>
  algorithm.endsWith('SHA_1') ? 'SHA-1' : 'SHA-256';
/** The guide wraps with a 256-bit AES key (`openssl rand -out aes-key.bin 32`). */
const AES_KEY_BYTES = 32;

/**
 * Wraps key material for ImportKeyMaterial with the wrapping public key (SubjectPublicKeyInfo
 * DER) from GetParametersForImport: RSAES_OAEP_* encrypts the material itself; RSA_AES_KEY_WRAP_*
 * encrypts a fresh 256-bit AES key and appends the material wrapped under it (RFC 5649). The
 * material and the AES key stay in this function's memory; nothing is stored.
 */
export async function wrapKeyMaterial(
  publicKeyDer: Uint8Array,
  algorithm: ImportWrappingAlgorithm,
  material: Uint8Array,
): Promise<Uint8Array> {
  const publicKey = await crypto.subtle.importKey(
    'spki',
    publicKeyDer.slice(),
    { name: 'RSA-OAEP', hash: oaepHash(algorithm) },
    false,
    ['encrypt'],
  );
  const oaep = async (data: Uint8Array) =>
    new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, data.slice()));
  if (!isHybridWrapping(algorithm)) return oaep(material);
  const aesKey = crypto.getRandomValues(new Uint8Array(AES_KEY_BYTES));
  try {
    const wrappedMaterial = aeskwp(aesKey).encrypt(material);
    const wrappedKey = await oaep(aesKey);
    const wrapped = new Uint8Array(wrappedKey.length + wrappedMaterial.length);
    wrapped.set(wrappedKey, 0);
    wrapped.set(wrappedMaterial, wrappedKey.length);
    return wrapped;
  } finally {
    aesKey.fill(0);
  }
}
