import { abortError, classifyDecryptError, EnvelopeError } from './envelope-errors';
import {
  formatPairs,
  isReservedContextKey,
  missingPairs,
  type EncryptionContext,
} from './encryption-context';
import { readHeader, summarizeHeader, type MessageSummary } from './header';
import { PROGRESS, readingProgress, type EnvelopeContext, type JobHooks } from './jobs';
import { createKmsAdapter, type KmsCallRecord } from './kms-adapter';
import { checkSize } from './limits';
import { decryptingKeyring, materialsFor } from './materials';
import { bytesToBlob, readFileBytes } from './read-file';
import { esdk } from './sdk';
import { checkMessageLayout } from './structure';
import type { EnvelopeResult } from './encrypt-file';

export interface DecryptSettings {
  /** ARNs of the KMS keys the user lets the console try, from the message header. */
  keyArns: string[];
  /** Pairs the message must carry; an empty object accepts any context. */
  expectedContext: EncryptionContext;
}

/** Cache partition for a decrypting keyring: the set of keys it may use. */
export function decryptPartition(keyArns: readonly string[]): string {
  return `decrypt:${JSON.stringify([...keyArns].sort())}`;
}

/** `report.pdf.encrypted` → `report.pdf`; any other name gets `.decrypted` appended. */
export function decryptedName(name: string): string {
  return name.endsWith('.encrypted') && name.length > '.encrypted'.length
    ? name.slice(0, -'.encrypted'.length)
    : `${name}.decrypted`;
}

/** Refuses, before any KMS call, a message whose context lacks the pairs the user expects. */
export function checkContext(expected: EncryptionContext, actual: Readonly<EncryptionContext>) {
  const missing = missingPairs(expected, actual);
  if (missing.length === 0) return;
  const shown = Object.entries(actual).filter(([key]) => !isReservedContextKey(key));
  throw new EnvelopeError(
    'EncryptionContextMismatch',
    `Expected ${formatPairs(missing)}; the message has ${formatPairs(shown) || 'no encryption context'}.`,
  );
}

/** Refuses a message that has no data key under any of the chosen keys. */
export function checkKeys(summary: MessageSummary, keyArns: readonly string[]) {
  const usable = summary.encryptedDataKeys.filter(
    (edk) => edk.isKms && keyArns.includes(edk.providerInfo),
  );
  if (usable.length > 0) return;
  const present = summary.encryptedDataKeys.map((edk) => edk.providerInfo).join(', ');
  throw new EnvelopeError(
    'NoUsableDataKey',
    keyArns.length === 0
      ? 'Choose at least one KMS key to decrypt with.'
      : `The message's data keys are encrypted under ${present}; none of them is among the keys you chose.`,
  );
}

/**
 * Decrypts a message already in memory: the part of a job that the benchmark measures.
 * Everything that can be checked without KMS is checked first (format, truncation, expected
 * context, keys), so those failures cost no KMS call; the plaintext is returned only once every
 * frame (and the signature) has been authenticated.
 */
export async function decryptBytes(
  message: Uint8Array,
  settings: DecryptSettings,
  context: EnvelopeContext,
  hooks: JobHooks,
): Promise<{ plaintext: Uint8Array; summary: MessageSummary }> {
  const { signal, onProgress } = hooks;
  onProgress({ phase: 'checking', fraction: PROGRESS.readEnd });
  const header = readHeader(message);
  if (!header) {
    throw new EnvelopeError(
      'TruncatedMessage',
      `The file ends inside the message header, after ${message.byteLength} bytes.`,
    );
  }
  const summary = summarizeHeader(header);
  checkMessageLayout(message, header);
  checkContext(settings.expectedContext, summary.encryptionContext);
  checkKeys(summary, settings.keyArns);

  const kmsErrors: unknown[] = [];
  const onKmsCall = (record: KmsCallRecord) => {
    hooks.onKmsCall(record);
    if (record.error) kmsErrors.push(record.error);
    else onProgress({ phase: 'decrypting', fraction: PROGRESS.crypto });
  };
  const adapter = createKmsAdapter(context.kms, { signal, onCall: onKmsCall });
  const materials = materialsFor(
    decryptingKeyring(settings.keyArns, adapter),
    decryptPartition(settings.keyArns),
    context.cacheSettings,
    context.cache,
  );
  onProgress({ phase: 'kms', fraction: PROGRESS.kms });
  try {
    const { plaintext } = await esdk.decrypt(materials, message);
    return { plaintext, summary };
  } catch (error) {
    if (signal.aborted) throw abortError();
    throw classifyDecryptError(error, kmsErrors);
  }
}

/**
 * Decrypts one file holding an AWS Encryption SDK message into `<name>` (without `.encrypted`).
 * A failure or a cancel never leaves part of a file.
 */
export async function decryptFile(
  file: File,
  settings: DecryptSettings,
  context: EnvelopeContext,
  hooks: JobHooks,
): Promise<EnvelopeResult> {
  checkSize(file, 'decrypt');
  const { signal, onProgress } = hooks;
  const message = await readFileBytes(file, {
    signal,
    onProgress: (fraction) => onProgress(readingProgress(fraction)),
  });
  const { plaintext, summary } = await decryptBytes(message, settings, context, hooks);
  try {
    if (signal.aborted) throw abortError();
    onProgress({ phase: 'saving', fraction: PROGRESS.saving });
    return { blob: bytesToBlob(plaintext), fileName: decryptedName(file.name), summary };
  } finally {
    // The Blob holds its own copy (Blob construction copies): this one need not linger.
    plaintext.fill(0);
  }
}
