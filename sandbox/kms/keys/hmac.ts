import { createHmac, timingSafeEqual } from 'node:crypto';
import { macHash, type MacAlgorithm } from './specs';

/*
 * GenerateMac / VerifyMac with HMAC key material (RFC 2104 via node:crypto). The server checks
 * that the algorithm matches the key spec (HMAC_256 → HMAC_SHA_256, …) and the message size.
 */

export interface GenerateMacInput {
  material: Buffer;
  algorithm: MacAlgorithm;
  message: Buffer;
}

export interface VerifyMacInput extends GenerateMacInput {
  mac: Buffer;
}

export function generateMac(input: GenerateMacInput): Buffer {
  return createHmac(macHash(input.algorithm), input.material).update(input.message).digest();
}

/** Compares in constant time, so the response time doesn't tell how much of a guess was right. */
export function verifyMac(input: VerifyMacInput): boolean {
  const expected = generateMac(input);
  return input.mac.length === expected.length && timingSafeEqual(input.mac, expected);
}
