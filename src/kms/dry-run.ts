import {
  CreateGrantCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  ReEncryptCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type CreateGrantCommandInput,
  type DecryptCommandInput,
  type DeriveSharedSecretCommandInput,
  type EncryptCommandInput,
  type GenerateDataKeyCommandInput,
  type GenerateDataKeyPairCommandInput,
  type GenerateDataKeyPairWithoutPlaintextCommandInput,
  type GenerateDataKeyWithoutPlaintextCommandInput,
  type GenerateMacCommandInput,
  type KMSClient,
  type ReEncryptCommandInput,
  type RetireGrantCommandInput,
  type RevokeGrantCommandInput,
  type SignCommandInput,
  type VerifyCommandInput,
  type VerifyMacCommandInput,
} from '@aws-sdk/client-kms';
import type { ParsedAccessDenied } from '../policy/access-denied';
import { describeError, type ConsoleError } from './errors';

/*
 * DryRun: the request is sent exactly as the real one would be, with `DryRun: true`, so KMS runs
 * every check (authorization, key state, key usage, validation) and changes nothing. KMS answers
 * `DryRunOperationException` when the real call would have succeeded; any other error is the real
 * reason it would fail. This module is the only place the console sends a dry run: the
 * Permissions page and every form's "Check permission" button share it.
 */

/** The KMS operations that take `DryRun` (and that the sandbox implements). */
export const DRY_RUN_OPERATIONS = [
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'CreateGrant',
  'RetireGrant',
  'RevokeGrant',
  'DeriveSharedSecret',
] as const;

export type DryRunOperation = (typeof DRY_RUN_OPERATIONS)[number];

export interface DryRunInputs {
  Encrypt: EncryptCommandInput;
  Decrypt: DecryptCommandInput;
  ReEncrypt: ReEncryptCommandInput;
  GenerateDataKey: GenerateDataKeyCommandInput;
  GenerateDataKeyWithoutPlaintext: GenerateDataKeyWithoutPlaintextCommandInput;
  GenerateDataKeyPair: GenerateDataKeyPairCommandInput;
  GenerateDataKeyPairWithoutPlaintext: GenerateDataKeyPairWithoutPlaintextCommandInput;
  Sign: SignCommandInput;
  Verify: VerifyCommandInput;
  GenerateMac: GenerateMacCommandInput;
  VerifyMac: VerifyMacCommandInput;
  CreateGrant: CreateGrantCommandInput;
  RetireGrant: RetireGrantCommandInput;
  RevokeGrant: RevokeGrantCommandInput;
  DeriveSharedSecret: DeriveSharedSecretCommandInput;
}

/** One operation and its input; a discriminated union, so a switch narrows the input's type. */
export type DryRunRequest = {
  [K in DryRunOperation]: { operation: K; input: DryRunInputs[K] };
}[DryRunOperation];

export function isDryRunOperation(name: string): name is DryRunOperation {
  return (DRY_RUN_OPERATIONS as readonly string[]).includes(name);
}

/**
 * The same input with `DryRun: true`. Decrypt and ReEncrypt without ciphertext also get
 * `DryRunModifiers: ["IGNORE_CIPHERTEXT"]`, which tells KMS to check everything but the
 * ciphertext (the key must then be named).
 */
export function withDryRun(request: DryRunRequest): DryRunRequest {
  switch (request.operation) {
    case 'Decrypt':
      return {
        operation: 'Decrypt',
        input: {
          ...request.input,
          DryRun: true,
          ...(hasBytes(request.input.CiphertextBlob)
            ? {}
            : { CiphertextBlob: undefined, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }),
        },
      };
    case 'ReEncrypt':
      return {
        operation: 'ReEncrypt',
        input: {
          ...request.input,
          DryRun: true,
          ...(hasBytes(request.input.CiphertextBlob)
            ? {}
            : { CiphertextBlob: undefined, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }),
        },
      };
    default:
      return { ...request, input: { ...request.input, DryRun: true } } as DryRunRequest;
  }
}

function hasBytes(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes.length > 0;
}

/** Sends the request as given (callers pass it through withDryRun first). */
function send(kms: KMSClient, request: DryRunRequest, abortSignal?: AbortSignal): Promise<unknown> {
  const options = { abortSignal };
  switch (request.operation) {
    case 'Encrypt':
      return kms.send(new EncryptCommand(request.input), options);
    case 'Decrypt':
      return kms.send(new DecryptCommand(request.input), options);
    case 'ReEncrypt':
      return kms.send(new ReEncryptCommand(request.input), options);
    case 'GenerateDataKey':
      return kms.send(new GenerateDataKeyCommand(request.input), options);
    case 'GenerateDataKeyWithoutPlaintext':
      return kms.send(new GenerateDataKeyWithoutPlaintextCommand(request.input), options);
    case 'GenerateDataKeyPair':
      return kms.send(new GenerateDataKeyPairCommand(request.input), options);
    case 'GenerateDataKeyPairWithoutPlaintext':
      return kms.send(new GenerateDataKeyPairWithoutPlaintextCommand(request.input), options);
    case 'Sign':
      return kms.send(new SignCommand(request.input), options);
    case 'Verify':
      return kms.send(new VerifyCommand(request.input), options);
    case 'GenerateMac':
      return kms.send(new GenerateMacCommand(request.input), options);
    case 'VerifyMac':
      return kms.send(new VerifyMacCommand(request.input), options);
    case 'CreateGrant':
      return kms.send(new CreateGrantCommand(request.input), options);
    case 'RetireGrant':
      return kms.send(new RetireGrantCommand(request.input), options);
    case 'RevokeGrant':
      return kms.send(new RevokeGrantCommand(request.input), options);
    case 'DeriveSharedSecret':
      return kms.send(new DeriveSharedSecretCommand(request.input), options);
  }
}

/**
 * - `would-succeed`: KMS answered DryRunOperationException.
 * - `denied`: AccessDeniedException; `accessDenied` says which policy type AWS named.
 * - `would-fail`: another real reason (key disabled, wrong key usage, validation, not found…).
 * - `not-checked`: the check itself failed (network, expired credentials, throttling).
 * - `performed`: the endpoint ignored DryRun and did the operation (it does not support it).
 */
export type DryRunVerdict = 'would-succeed' | 'denied' | 'would-fail' | 'not-checked' | 'performed';

export interface DryRunOutcome {
  operation: DryRunOperation;
  verdict: DryRunVerdict;
  /** A few words for a table cell: "Would succeed", "Denied (identity-based policy)"… */
  summary: string;
  /** AWS's own message (empty for DryRunOperationException, whose message is always the same). */
  message: string;
  /** The error, explained by the catalogue (absent for `performed`). */
  error?: ConsoleError;
  accessDenied?: ParsedAccessDenied;
  /** Something the verdict depends on, e.g. that a placeholder signature was refused. */
  caveat?: string;
}

/** A member the caller filled with a placeholder because the check does not have a real one. */
export type DryRunPlaceholder = 'Signature' | 'Mac';

export interface DryRunOptions {
  /** Verify with a placeholder signature, VerifyMac with a placeholder MAC (see classify). */
  placeholder?: DryRunPlaceholder;
  signal?: AbortSignal;
}

/** Sends `request` with DryRun and says what KMS answered. Never throws. */
export async function runDryRun(
  kms: KMSClient,
  request: DryRunRequest,
  options: DryRunOptions = {},
): Promise<DryRunOutcome> {
  try {
    await send(kms, withDryRun(request), options.signal);
    return classifyDryRun(request.operation, undefined, options.placeholder);
  } catch (error) {
    return classifyDryRun(request.operation, error, options.placeholder);
  }
}

const UNCHECKED_KINDS = new Set(['network', 'sign-in', 'clock-skew', 'expired', 'throttling']);

const PLACEHOLDER_ERRORS: Record<DryRunPlaceholder, string> = {
  Signature: 'KMSInvalidSignatureException',
  Mac: 'KMSInvalidMacException',
};

const POLICY_WORDS: Record<string, string> = {
  'identity-based': 'identity-based policy',
  'resource-based': 'resource-based policy',
  session: 'session policy',
  'service-control': 'service control policy',
  'resource-control': 'resource control policy',
  'permissions-boundary': 'permissions boundary',
  'vpc-endpoint': 'VPC endpoint policy',
};

/** What a dry run's answer means; `error` is what the SDK threw (undefined: it succeeded). */
export function classifyDryRun(
  operation: DryRunOperation,
  error: unknown,
  placeholder?: DryRunPlaceholder,
): DryRunOutcome {
  if (error === undefined) {
    return {
      operation,
      verdict: 'performed',
      summary: 'Performed (DryRun ignored)',
      message:
        'The endpoint performed the operation instead of a dry run: it does not support DryRun.',
    };
  }
  const described = describeError(error);
  const base = { operation, message: described.message, error: described };
  if (described.name === 'DryRunOperationException') {
    return { ...base, message: '', verdict: 'would-succeed', summary: 'Would succeed' };
  }
  // KMS authorizes and checks the key before it looks at the signature or MAC, so refusing the
  // placeholder is the last check there is: with a real signature the call would be answered.
  if (placeholder !== undefined && described.name === PLACEHOLDER_ERRORS[placeholder]) {
    const what = placeholder === 'Signature' ? 'signature' : 'MAC';
    return {
      ...base,
      verdict: 'would-succeed',
      summary: 'Would succeed',
      caveat: `Checked with a placeholder ${what}: KMS authorized the request and checked the key, then refused the placeholder (${described.name}). A genuine ${what} would be verified.`,
    };
  }
  if (described.accessDenied !== undefined || described.name === 'AccessDeniedException') {
    const denied = described.accessDenied;
    const words = denied?.policyType ? POLICY_WORDS[denied.policyType] : undefined;
    const summary =
      denied?.kind === 'explicit-deny'
        ? `Denied: explicit deny${words ? ` in ${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}` : ''}`
        : `Denied${words ? `: no ${words} allows it` : ''}`;
    return { ...base, verdict: 'denied', summary, ...(denied ? { accessDenied: denied } : {}) };
  }
  if (UNCHECKED_KINDS.has(described.kind) || described.name === 'AbortError') {
    return { ...base, verdict: 'not-checked', summary: `Not checked: ${described.title}` };
  }
  return { ...base, verdict: 'would-fail', summary: `Would fail: ${described.title}` };
}
