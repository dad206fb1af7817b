/*
 * Encrypting with a KMS RSA key's public key outside KMS, as the KMS developer guide describes
 * ("Encrypting with a public key outside of AWS KMS"): RSAES-OAEP with SHA-1 or SHA-256 (the same
 * hash for MGF1, which is what WebCrypto's RSA-OAEP uses). The result decrypts with KMS Decrypt
 * given the key and the same algorithm.
 */

export type RsaOaepAlgorithm = 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256';

export function isRsaOaepAlgorithm(value: string | undefined): value is RsaOaepAlgorithm {
  return value === 'RSAES_OAEP_SHA_1' || value === 'RSAES_OAEP_SHA_256';
}

export async function encryptWithPublicKey(
  publicKeyDer: Uint8Array,
  algorithm: RsaOaepAlgorithm,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  if (!globalThis.crypto?.subtle) {
    throw new Error(
      'This page is not a secure context (https or localhost), so the browser offers no WebCrypto.',
    );
  }
  const hash = algorithm === 'RSAES_OAEP_SHA_1' ? 'SHA-1' : 'SHA-256';
  // slice(): WebCrypto takes BufferSource backed by a plain ArrayBuffer.
  const key = await crypto.subtle.importKey(
    'spki',
    publicKeyDer.slice(),
    { name: 'RSA-OAEP', hash },
    false,
    ['encrypt'],
  );
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plaintext.slice()));
}

/** The same encryption with OpenSSL, for the command line. */
export function opensslCommand(algorithm: RsaOaepAlgorithm, publicKeyFile: string): string {
  const md = algorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256';
  return [
    `openssl pkeyutl -encrypt -pubin -keyform DER -inkey ${publicKeyFile}`,
    `-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:${md} -pkeyopt rsa_mgf1_md:${md}`,
    '-in plaintext.bin -out ciphertext.bin',
  ].join(' \\\n  ');
}
