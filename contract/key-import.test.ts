import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateWrappingKeyPair,
  unsupportedWrapping,
  unwrapKeyMaterial,
  WRAPPING_ALGORITHMS,
} from '../sandbox/kms/keys/key-import';
import { KEY_SPECS } from '../sandbox/kms/keys/specs';
import { wrappingAlgorithmsFor, wrappingProblem } from '../src/features/keys/lib/key-import';
import { wrapKeyMaterial } from '../src/features/keys/lib/wrap-key-material';

describe('the console wraps key material as the sandbox unwraps it', () => {
  it.each(WRAPPING_ALGORITHMS)(
    '%s: WebCrypto and @noble/ciphers in, node:crypto (OpenSSL) out',
    async (algorithm) => {
      const pair = await generateWrappingKeyPair('RSA_2048');
      // 41 bytes: not a multiple of 8, so the AES key wrap must pad (RFC 5649, not RFC 3394).
      const material = randomBytes(algorithm.startsWith('RSA_AES') ? 41 : 32);
      const wrapped = await wrapKeyMaterial(pair.publicKey, algorithm, material);
      expect(unwrapKeyMaterial({ privateKey: pair.privateKey, algorithm, wrapped })).toEqual(
        material,
      );
    },
  );
});

describe('the console offers exactly the wrapping the sandbox accepts', () => {
  it.each(KEY_SPECS)('%s', (keySpec) => {
    const offered = wrappingAlgorithmsFor(keySpec) ?? [];
    for (const algorithm of WRAPPING_ALGORITHMS) {
      for (const wrappingKeySpec of ['RSA_2048', 'RSA_3072', 'RSA_4096'] as const) {
        const consoleAllows =
          offered.includes(algorithm) &&
          wrappingProblem(keySpec, algorithm, wrappingKeySpec) === undefined;
        const sandboxAllows =
          unsupportedWrapping(keySpec, algorithm, wrappingKeySpec) === undefined;
        expect({ algorithm, wrappingKeySpec, allowed: consoleAllows }).toEqual({
          algorithm,
          wrappingKeySpec,
          allowed: sandboxAllows,
        });
      }
    }
  });
});
