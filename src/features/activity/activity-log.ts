/*
 * This session's KMS calls, as the activity panel lists them: time, operation, key, outcome,
 * request id, duration. Entries are built from a fixed list of non-secret members (key ids, the
 * exception name, the request id); request and response bodies, where plaintext and data keys
 * travel, are never read or kept.
 */

export interface ActivityEntry {
  id: number;
  /** Epoch milliseconds when the call started. */
  time: number;
  /** The KMS operation, e.g. `Encrypt`. */
  operation: string;
  /** The key: the ARN KMS answered with when it did, else what the request named. */
  key?: string;
  outcome: 'success' | 'error';
  /** The exception name when the call failed (`DryRunOperationException` for a dry run). */
  errorName?: string;
  requestId?: string;
  durationMs: number;
}

/** Newest entries kept; older ones fall off (a long session lists hundreds of DescribeKey calls). */
export const MAX_ENTRIES = 500;

type Listener = () => void;

export class ActivityLog {
  private entries: readonly ActivityEntry[] = [];
  private listeners = new Set<Listener>();
  private nextId = 1;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Newest first; a new array after every change (useSyncExternalStore compares identity). */
  readonly getSnapshot = (): readonly ActivityEntry[] => this.entries;

  record(entry: Omit<ActivityEntry, 'id'>): void {
    this.entries = [{ ...entry, id: this.nextId++ }, ...this.entries].slice(0, MAX_ENTRIES);
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.entries = [];
    for (const listener of this.listeners) listener();
  }
}

function stringMember(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The key a call was about: ReEncrypt shows both sides; others the answered or requested key. */
export function keyOfCall(operation: string, input: unknown, output: unknown): string | undefined {
  const answered = stringMember(output, 'KeyId');
  if (operation === 'ReEncrypt') {
    const source = stringMember(output, 'SourceKeyId') ?? stringMember(input, 'SourceKeyId');
    const destination = answered ?? stringMember(input, 'DestinationKeyId');
    return source ? `${source} → ${destination ?? '?'}` : destination;
  }
  return answered ?? stringMember(input, 'KeyId') ?? stringMember(input, 'TargetKeyId');
}

interface Metadata {
  $metadata?: { requestId?: string };
}

export function requestIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Metadata).$metadata?.requestId || undefined;
}

export function errorNameOf(error: unknown): string {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}
