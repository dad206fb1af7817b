import { DescribeKeyCommand, type KeyMetadata, type KMSClient } from '@aws-sdk/client-kms';
import type { ParsedAccessDenied } from '../policy/access-denied';
import { dryRunSupportOf, type DryRunKnowledge } from './dry-run-support';
import { describeError, type ConsoleError } from './errors';
import { completeKeyMetadata } from './key-metadata';
import {
  describeOperation,
  sendKmsOperation,
  type DryRunOperation,
  type OperationInput,
} from './operations';

export { DRY_RUN_OPERATIONS, type DryRunOperation } from './operations';

/*
 * DryRun: the request is sent exactly as the real one would be, with `DryRun: true`, so KMS runs
 * every check (authorization, key state, key usage, validation) and changes nothing. KMS answers
 * `DryRunOperationException` when the real call would have succeeded; any other error is the real
 * reason it would fail. This module is the only place the console sends a dry run: the
 * Permissions page and every form's "Check permission" button share it.
 */

export type DryRunInputs = { [K in DryRunOperation]: OperationInput<K> };

/** One operation and its input; a discriminated union, so a switch narrows the input's type. */
export type DryRunRequest = {
  [K in DryRunOperation]: { operation: K; input: DryRunInputs[K] };
}[DryRunOperation];

/**
 * The same input with `DryRun: true`. Decrypt and ReEncrypt without ciphertext also get
 * `DryRunModifiers: ["IGNORE_CIPHERTEXT"]`, which tells KMS to check everything but the
 * ciphertext (the key must then be named).
 */
export function withDryRun(request: DryRunRequest): DryRunRequest {
  const input: Record<string, unknown> = { ...request.input, DryRun: true };
  if (ignoresCiphertext(request)) {
    input.CiphertextBlob = undefined;
    input.DryRunModifiers = ['IGNORE_CIPHERTEXT'];
  }
  // The same operation's input with the members it takes for a dry run added.
  return { operation: request.operation, input } as DryRunRequest;
}

/** A Decrypt or ReEncrypt check without ciphertext: KMS is told to ignore the ciphertext. */
function ignoresCiphertext(request: DryRunRequest): boolean {
  const bytes = (request.input as { CiphertextBlob?: unknown }).CiphertextBlob;
  const given = bytes instanceof Uint8Array && bytes.length > 0;
  return describeOperation(request.operation).dryRun?.ignoresCiphertext === true && !given;
}

/**
 * What the request would do if an endpoint performed it instead of a dry run, for the requests
 * that may therefore only be sent where DryRun is honoured; undefined for the others, which
 * change nothing (Encrypt, Sign, GenerateDataKey…) and answer the same question when performed.
 */
export function consequenceWithoutDryRun(request: DryRunRequest): string | undefined {
  const performed = describeOperation(request.operation).dryRun?.performed;
  if (performed !== undefined) return performed;
  return ignoresCiphertext(request)
    ? 'needs a real ciphertext (IGNORE_CIPHERTEXT only applies to dry runs), so its answer would not tell'
    : undefined;
}

function keyOf(request: DryRunRequest): string | undefined {
  const input = request.input as {
    KeyId?: string;
    SourceKeyId?: string;
    DestinationKeyId?: string;
  };
  return input.KeyId ?? input.DestinationKeyId ?? input.SourceKeyId;
}

const PROBE_BYTE = new Uint8Array(1);

/** A dry run that changes nothing even where DryRun is ignored, for a key of this kind. */
function harmlessRequest(keyId: string, metadata: KeyMetadata | undefined): DryRunRequest {
  const first = <T>(list: readonly T[] | undefined): T | undefined => list?.[0];
  if (metadata?.KeyUsage === 'SIGN_VERIFY') {
    return {
      operation: 'Sign',
      input: {
        KeyId: keyId,
        Message: PROBE_BYTE,
        MessageType: 'RAW',
        SigningAlgorithm: first(metadata.SigningAlgorithms),
      },
    };
  }
  if (metadata?.KeyUsage === 'GENERATE_VERIFY_MAC') {
    return {
      operation: 'GenerateMac',
      input: { KeyId: keyId, Message: PROBE_BYTE, MacAlgorithm: first(metadata.MacAlgorithms) },
    };
  }
  const rsa = metadata?.KeySpec?.startsWith('RSA_') ?? false;
  return {
    operation: 'Encrypt',
    input: {
      KeyId: keyId,
      Plaintext: PROBE_BYTE,
      ...(rsa ? { EncryptionAlgorithm: first(metadata?.EncryptionAlgorithms) } : {}),
    },
  };
}

/**
 * Whether the session's endpoint honours DryRun: what is known already, or else the answer to a
 * harmless dry run on `keyId` (Encrypt, Sign or GenerateMac of one byte, as the key allows),
 * asked once per key and session.
 */
export function establishDryRunSupport(
  kms: KMSClient,
  keyId: string | undefined,
): Promise<DryRunKnowledge> {
  const tracker = dryRunSupportOf(kms);
  if (tracker.current.support !== 'unknown' || keyId === undefined) {
    return Promise.resolve(tracker.current);
  }
  let probe = tracker.probes.get(keyId);
  if (probe === undefined) {
    probe = probeDryRun(kms, keyId);
    tracker.probes.set(keyId, probe);
  }
  return probe;
}

async function probeDryRun(kms: KMSClient, keyId: string): Promise<DryRunKnowledge> {
  const tracker = dryRunSupportOf(kms);
  let metadata: KeyMetadata | undefined;
  try {
    const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    metadata = answer.KeyMetadata ? completeKeyMetadata(answer.KeyMetadata) : undefined;
  } catch {
    // Not allowed or not found: the probe assumes a symmetric key, and its answer says the rest.
  }
  const request = harmlessRequest(keyId, metadata);
  try {
    await send(kms, withDryRun(request));
    tracker.sawPerformed(request.operation);
  } catch (error) {
    const name = describeError(error).name;
    if (name === 'DryRunOperationException') tracker.sawDryRunAnswer(request.operation);
    else if (tracker.current.support === 'unknown') {
      return {
        support: 'unknown',
        basis: `A harmless dry run of ${request.operation} on ${keyId} was answered ${name}, which does not tell.`,
      };
    }
  }
  return tracker.current;
}

/** Sends the request as given (callers pass it through withDryRun first). */
function send(kms: KMSClient, request: DryRunRequest, abortSignal?: AbortSignal): Promise<unknown> {
  return sendKmsOperation(kms, request.operation, request.input, { abortSignal });
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
  /** Set when the request was not sent: the endpoint ignores DryRun, or may. */
  withheld?: DryRunKnowledge;
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

/**
 * Sends `request` with DryRun and says what KMS answered. A request that would change something
 * if performed is sent only where DryRun is known to be honoured (establishDryRunSupport); every
 * answer teaches the session whether it is. Never throws.
 */
export async function runDryRun(
  kms: KMSClient,
  request: DryRunRequest,
  options: DryRunOptions = {},
): Promise<DryRunOutcome> {
  const tracker = dryRunSupportOf(kms);
  const consequence = consequenceWithoutDryRun(request);
  if (consequence !== undefined) {
    const knowledge = await establishDryRunSupport(kms, keyOf(request));
    if (knowledge.support !== 'honoured')
      return withheld(request.operation, knowledge, consequence);
  }
  try {
    await send(kms, withDryRun(request), options.signal);
    tracker.sawPerformed(request.operation);
    return classifyDryRun(request.operation, undefined, options.placeholder);
  } catch (error) {
    const outcome = classifyDryRun(request.operation, error, options.placeholder);
    if (outcome.error?.name === 'DryRunOperationException') {
      tracker.sawDryRunAnswer(request.operation);
    }
    return outcome;
  }
}

/** The outcome of a check that was not sent, and why. */
export function withheld(
  operation: DryRunOperation,
  knowledge: DryRunKnowledge,
  consequence: string,
): DryRunOutcome {
  const ignored = knowledge.support === 'ignored';
  return {
    operation,
    verdict: 'not-checked',
    summary: ignored ? 'Not checked: this endpoint ignores DryRun' : 'Not checked: DryRun unknown',
    message: ignored
      ? `Not sent. This endpoint ignores DryRun (${lowerFirst(knowledge.basis)}), and ${operation} sent for real ${consequence}. Check it against AWS KMS or the sandbox.`
      : `Not sent. Whether this endpoint honours DryRun is not known (${lowerFirst(knowledge.basis)}), and if it ignored DryRun, ${operation} sent for real ${consequence}.`,
    withheld: knowledge,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}

const UNCHECKED_KINDS = new Set([
  'network',
  'sign-in',
  'clock-skew',
  'expired',
  'throttling',
  'unsupported',
]);

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
      summary: 'Allowed (performed: DryRun ignored)',
      message: `This endpoint ignores DryRun: it performed ${operation}, which changes nothing, so the endpoint allows it.`,
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
