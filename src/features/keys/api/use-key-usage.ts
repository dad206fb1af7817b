import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { keyEventPages } from '../../../kms/events/key-activity';
import { addToUsage, emptyUsage, type KeyUsage } from '../../../kms/events/usage';
import { useSession } from '../../../session/SessionProvider';

export interface KeyUsageState {
  usage: KeyUsage;
  /** Events read so far. */
  scanned: number;
  running: boolean;
  done: boolean;
  stopped: boolean;
  error?: unknown;
}

const IDLE: KeyUsageState = {
  usage: emptyUsage(),
  scanned: 0,
  running: false,
  done: false,
  stopped: false,
};

/** Redraw at most this often while pages arrive: a long history is summed without freezing. */
const REDRAW_MS = 250;

/** Reads a key's events page by page and sums them; an external store for React. */
class KeyUsageReader {
  private state: KeyUsageState = IDLE;
  private readonly listeners = new Set<() => void>();
  private controller = new AbortController();
  private reading = false;

  constructor(
    private readonly client: () => Promise<CloudTrailClient>,
    private readonly keyArn: string,
  ) {}

  readonly snapshot = () => this.state;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: KeyUsageState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Reads from the newest event (again, after `dispose`: React's StrictMode remounts). */
  start(): void {
    if (this.reading) return;
    this.reading = true;
    void this.read(this.controller.signal);
  }

  stop(): void {
    this.controller.abort();
  }

  dispose(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.reading = false;
  }

  private async read(signal: AbortSignal): Promise<void> {
    const usage = emptyUsage();
    // A read the page disposed of reports nothing more; a stopped one reports that it stopped.
    const current = () => signal === this.controller.signal;
    const show = (running: boolean, error?: unknown) =>
      current() &&
      this.set({
        // New maps each time, so what React memoizes on them is recomputed.
        usage: {
          ...usage,
          byOperation: new Map(usage.byOperation),
          byOutcome: new Map(usage.byOutcome),
          principals: new Map(usage.principals),
        },
        scanned: usage.events,
        running,
        done: !running && !signal.aborted && error === undefined,
        stopped: signal.aborted,
        ...(error !== undefined ? { error } : {}),
      });
    show(true);
    let lastDraw = performance.now();
    try {
      const pages = keyEventPages(await this.client(), this.keyArn, new Date(), signal);
      for await (const events of pages) {
        addToUsage(usage, events);
        if (performance.now() - lastDraw >= REDRAW_MS) {
          lastDraw = performance.now();
          show(true);
        }
      }
      show(false);
    } catch (error) {
      show(false, signal.aborted ? undefined : error);
    }
  }
}

export interface KeyUsageView extends KeyUsageState {
  stop(): void;
  /** Reads the history again from the newest event. */
  restart(): void;
}

/**
 * A key's use over the event history's 90 days, summed page by page from CloudTrail
 * LookupEvents (ResourceName = the key's ARN) as pages arrive; the summary is redrawn a few
 * times a second, and the read can be stopped.
 */
export function useKeyUsage(keyArn: string | undefined): KeyUsageView {
  const { clients } = useSession();
  const [generation, setGeneration] = useState(0);
  const reader = useMemo(() => {
    void generation;
    return keyArn ? new KeyUsageReader(clients.cloudTrail, keyArn) : undefined;
  }, [keyArn, clients, generation]);
  useEffect(() => {
    reader?.start();
    return () => reader?.dispose();
  }, [reader]);
  const state = useSyncExternalStore(reader?.subscribe ?? noSubscription, reader?.snapshot ?? idle);
  const stop = useCallback(() => reader?.stop(), [reader]);
  const restart = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, stop, restart };
}

const idle = () => IDLE;
const noSubscription = () => () => undefined;
