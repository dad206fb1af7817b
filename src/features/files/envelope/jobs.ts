import type { KMSClient } from '@aws-sdk/client-kms';
import type { KmsCallRecord } from './kms-adapter';
import type { CacheSettings, MaterialsCache } from './materials';

/** What a file job is doing, shown next to its progress bar. */
export type JobPhase = 'reading' | 'checking' | 'kms' | 'encrypting' | 'decrypting' | 'saving';

export interface JobProgress {
  phase: JobPhase;
  /** Overall fraction done, 0 to 1. */
  fraction: number;
}

/** The session's KMS client and the page's data key cache. */
export interface EnvelopeContext {
  kms: KMSClient;
  cache: MaterialsCache | undefined;
  cacheSettings: CacheSettings;
}

export interface JobHooks {
  signal: AbortSignal;
  onProgress: (progress: JobProgress) => void;
  onKmsCall: (record: KmsCallRecord) => void;
}

/**
 * How the bar moves: reading the file is measured byte by byte; the SDK then works on the whole
 * buffer without reporting progress, so its KMS calls and the cryptography are two fixed steps.
 */
export const PROGRESS = {
  readEnd: 0.4,
  kms: 0.45,
  crypto: 0.55,
  saving: 0.95,
} as const;

export function readingProgress(fraction: number): JobProgress {
  return { phase: 'reading', fraction: fraction * PROGRESS.readEnd };
}
