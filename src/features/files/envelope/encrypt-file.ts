import { abortError } from './envelope-errors';
import type { EncryptionContext } from './encryption-context';
import { readHeader, summarizeHeader, type MessageSummary } from './header';
import { PROGRESS, readingProgress, type EnvelopeContext, type JobHooks } from './jobs';
import { createKmsAdapter } from './kms-adapter';
import { checkSize } from './limits';
import { bytesToBlob, readFileBytes } from './read-file';
import { encryptingKeyring, materialsFor } from './materials';
import { esdk, type EncryptSuite } from './sdk';

export interface EncryptSettings {
  /** The first generates the data key; each one gets its own encrypted copy of it. */
  keys: string[];
  encryptionContext: EncryptionContext;
  suiteId: EncryptSuite;
  frameLength: number;
}

export interface EnvelopeResult {
  blob: Blob;
  fileName: string;
  /** The header of the message written or read. */
  summary: MessageSummary;
}

/** Cache partition for an encrypting keyring: the keys, in order (the first one generates). */
export function encryptPartition(keys: readonly string[]): string {
  return `encrypt:${JSON.stringify(keys)}`;
}

/** Encrypts bytes already in memory: the part of a job that the benchmark measures. */
export async function encryptBytes(
  plaintext: Uint8Array,
  settings: EncryptSettings,
  context: EnvelopeContext,
  hooks: Pick<JobHooks, 'signal' | 'onKmsCall'>,
) {
  const adapter = createKmsAdapter(context.kms, { signal: hooks.signal, onCall: hooks.onKmsCall });
  const keyring = encryptingKeyring(settings.keys, adapter);
  const materials = materialsFor(
    keyring,
    encryptPartition(settings.keys),
    context.cacheSettings,
    context.cache,
  );
  return esdk.encrypt(materials, plaintext, {
    suiteId: settings.suiteId,
    encryptionContext: settings.encryptionContext,
    frameLength: settings.frameLength,
  });
}

/**
 * Encrypts one file into an AWS Encryption SDK message (`<name>.encrypted`). The result exists
 * only once the whole message is written, so a failure or a cancel never leaves part of a file.
 */
export async function encryptFile(
  file: File,
  settings: EncryptSettings,
  context: EnvelopeContext,
  hooks: JobHooks,
): Promise<EnvelopeResult> {
  checkSize(file, 'encrypt');
  const { signal, onProgress } = hooks;
  const plaintext = await readFileBytes(file, {
    signal,
    onProgress: (fraction) => onProgress(readingProgress(fraction)),
  });
  try {
    onProgress({ phase: 'kms', fraction: PROGRESS.kms });
    const { result } = await encryptBytes(plaintext, settings, context, {
      signal,
      onKmsCall: (record) => {
        hooks.onKmsCall(record);
        if (!record.error) onProgress({ phase: 'encrypting', fraction: PROGRESS.crypto });
      },
    });
    if (signal.aborted) throw abortError();
    onProgress({ phase: 'saving', fraction: PROGRESS.saving });
    const header = readHeader(result);
    if (!header) throw new Error('The SDK wrote a message without a complete header.');
    return {
      blob: bytesToBlob(result),
      fileName: `${file.name}.encrypted`,
      summary: summarizeHeader(header),
    };
  } finally {
    // The plaintext is the user's own file, but a copy in memory is still a copy: clear it.
    plaintext.fill(0);
  }
}
