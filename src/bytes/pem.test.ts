import { describe, expect, it } from 'vitest';
import { fromPem, isPem, publicKeyDer, toPem } from './pem';

// The P-256 generator point as a SubjectPublicKeyInfo: a real public key anyone may print.
const SPKI_BASE64 =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaxfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9Q==';
const SPKI = Uint8Array.from(atob(SPKI_BASE64), (c) => c.charCodeAt(0));
const OPENSSL_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaxfR8uEsQkf4vOblY6RA8ncDfYEt
6zOg9KE5RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9Q==
-----END PUBLIC KEY-----
`;

describe('PEM', () => {
  it('writes what openssl writes', () => {
    expect(toPem(SPKI)).toBe(OPENSSL_PEM);
  });

  it('reads PEM as pasted: CRLF, indentation, surrounding blank lines', () => {
    const pasted = `\n  ${OPENSSL_PEM.replaceAll('\n', '\r\n')}\n`;
    expect(isPem(pasted)).toBe(true);
    expect(fromPem(pasted)).toEqual({ ok: true, bytes: SPKI, label: 'PUBLIC KEY' });
  });

  it('says what is wrong with broken armour', () => {
    expect(fromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('matching -----END') as string,
    });
    expect(fromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).toEqual({
      ok: false,
      error: 'Invalid PEM: it begins PUBLIC KEY but ends PRIVATE KEY.',
    });
    const bad = fromPem('-----BEGIN PUBLIC KEY-----\nAA*A\n-----END PUBLIC KEY-----');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Invalid PEM body at position 3: "\*"/);
  });
});

describe('publicKeyDer', () => {
  it('unwraps a PEM public key given as bytes (a .pem file, or PEM typed as text)', () => {
    expect(publicKeyDer(new TextEncoder().encode(OPENSSL_PEM))).toEqual({ ok: true, bytes: SPKI });
  });

  it('takes other bytes as DER', () => {
    expect(publicKeyDer(SPKI)).toEqual({ ok: true, bytes: SPKI });
  });

  it('refuses a PEM block that is not a public key', () => {
    const privateKey = toPem(new Uint8Array([1, 2, 3]), 'PRIVATE KEY');
    expect(publicKeyDer(new TextEncoder().encode(privateKey))).toEqual({
      ok: false,
      error:
        "This is a PEM PRIVATE KEY, not a PUBLIC KEY: give the other party's public key (-----BEGIN PUBLIC KEY-----).",
    });
  });
});
