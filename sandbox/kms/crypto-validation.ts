import { validationMessage } from '../protocol/errors';
import {
  GRANT_TOKENS_RULE,
  InputValidator,
  type LengthRule,
  type RequiredMember,
} from './validation';

/** The blob limits of the KMS model: PlaintextType and CiphertextType. */
export const PLAINTEXT_RULE = { min: 1, max: 4096 } as const;
export const CIPHERTEXT_RULE = { min: 1, max: 6144 } as const;

/**
 * Plaintext and Message are `sensitive` in the KMS model: AWS never echoes their value, not even
 * as `null` (`Value at 'plaintext' failed to satisfy constraint: Member must not be null`).
 */
export function sensitiveBytes(
  v: InputValidator,
  input: object,
  name: string,
  rule: LengthRule & RequiredMember,
): Uint8Array;
export function sensitiveBytes(
  v: InputValidator,
  input: object,
  name: string,
  rule: LengthRule,
): Uint8Array | undefined;
export function sensitiveBytes(
  v: InputValidator,
  input: object,
  name: string,
  rule: LengthRule,
): Uint8Array | undefined {
  const value = (input as Record<string, unknown>)[name];
  if ((value === undefined || value === null) && rule.required) {
    v.fail(name, undefined, 'Member must not be null');
    return new Uint8Array(0);
  }
  return v.bytes(name, { min: rule.min, max: rule.max });
}

export function readGrantTokens(v: InputValidator): string[] | undefined {
  return v.stringList('GrantTokens', GRANT_TOKENS_RULE);
}

/**
 * Recipient asks KMS to encrypt the result to a Nitro Enclaves attestation document. The sandbox
 * cannot verify attestation documents, so it refuses rather than return plaintext the caller
 * expected to be sealed.
 */
export function rejectRecipient(input: object): void {
  const recipient = (input as Record<string, unknown>).Recipient;
  if (recipient !== undefined && recipient !== null) {
    throw validationMessage(
      'The sandbox does not support Recipient: it cannot verify Nitro Enclaves attestation documents.',
    );
  }
}
