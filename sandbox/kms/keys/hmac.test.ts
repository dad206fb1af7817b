import { describe, expect, it } from 'vitest';
import { generateMac, verifyMac } from './hmac';
import { generateKeyMaterial } from './material';

// RFC 4231, test case 2.
const KEY = Buffer.from('Jefe');
const DATA = Buffer.from('what do ya want for nothing?');

describe('HMAC', () => {
  it.each([
    ['HMAC_SHA_224', 'a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44'],
    ['HMAC_SHA_256', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    [
      'HMAC_SHA_384',
      'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
    ],
    [
      'HMAC_SHA_512',
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    ],
  ] as const)('%s matches RFC 4231 and verifies', (algorithm, hex) => {
    const mac = generateMac({ material: KEY, algorithm, message: DATA });
    expect(mac.toString('hex')).toBe(hex);
    expect(verifyMac({ material: KEY, algorithm, message: DATA, mac })).toBe(true);
  });

  it('rejects a wrong MAC, a truncated MAC, another message and another key', () => {
    const material = generateKeyMaterial('HMAC_256');
    const algorithm = 'HMAC_SHA_256';
    const message = Buffer.from('message');
    const mac = generateMac({ material, algorithm, message });
    const flipped = Buffer.from(mac);
    flipped[5] ^= 1;
    expect(verifyMac({ material, algorithm, message, mac: flipped })).toBe(false);
    expect(verifyMac({ material, algorithm, message, mac: mac.subarray(0, 16) })).toBe(false);
    expect(verifyMac({ material, algorithm, message, mac: Buffer.alloc(0) })).toBe(false);
    expect(verifyMac({ material, algorithm, message: Buffer.from('messagE'), mac })).toBe(false);
    const other = generateKeyMaterial('HMAC_256');
    expect(verifyMac({ material: other, algorithm, message, mac })).toBe(false);
  });
});
