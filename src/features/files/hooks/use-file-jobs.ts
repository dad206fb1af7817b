import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { EnvelopeResult } from '../envelope/encrypt-file';
import { isAbort } from '../envelope/envelope-errors';
import type { JobHooks, JobProgress } from '../envelope/jobs';
import type { KmsCallRecord } from '../envelope/kms-adapter';
import { saveBlob } from './save-file';

/**
 * Results larger than this are released once downloaded. Chromium keeps Blob bytes in its
 * browser process; without a disk to spill to (private windows) it refuses new Blobs beyond
 * about 500 MiB in all, so two 256 MiB results held at once make the second download fail.
 */
export const KEEP_AFTER_DOWNLOAD_BYTES = 16 * 1024 * 1024;

export type JobKind = 'encrypt' | 'decrypt';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface FileJob {
  id: string;
  kind: JobKind;
  file: File;
  status: JobStatus;
  progress: JobProgress;
  error?: unknown;
  /** Name and size of the result; kept after its bytes are released. */
  output?: { fileName: string; size: number };
  /** The result's bytes: until downloaded (large results) or removed. */
  blob?: Blob;
  downloaded: boolean;
  /** KMS calls this job made (failed ones included). */
  kmsCalls: number;
  /** Finished without any KMS call: the data key came from the cache. */
  fromCache: boolean;
}

export type JobTask = (file: File, hooks: JobHooks) => Promise<EnvelopeResult>;

export interface JobRequest {
  kind: JobKind;
  file: File;
  task: JobTask;
  /** KMS calls the job makes without a cache; what a cache hit saves. */
  uncachedCalls: number;
  cached: boolean;
}

export interface KmsCallCounters {
  made: number;
  saved: number;
  cacheHits: number;
}

interface State {
  jobs: FileJob[];
  counters: KmsCallCounters;
}

type Action =
  | { type: 'add'; jobs: FileJob[] }
  | { type: 'update'; id: string; patch: Partial<FileJob> }
  | { type: 'kms-call'; id: string }
  | { type: 'cache-hit'; saved: number }
  | { type: 'remove'; id: string }
  | { type: 'clear-finished' };

const UNFINISHED: ReadonlySet<JobStatus> = new Set(['queued', 'running']);

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'add':
      return { ...state, jobs: [...action.jobs, ...state.jobs] };
    case 'update':
      return {
        ...state,
        jobs: state.jobs.map((job) => (job.id === action.id ? { ...job, ...action.patch } : job)),
      };
    case 'kms-call':
      return {
        counters: { ...state.counters, made: state.counters.made + 1 },
        jobs: state.jobs.map((job) =>
          job.id === action.id ? { ...job, kmsCalls: job.kmsCalls + 1 } : job,
        ),
      };
    case 'cache-hit':
      return {
        ...state,
        counters: {
          ...state.counters,
          saved: state.counters.saved + action.saved,
          cacheHits: state.counters.cacheHits + 1,
        },
      };
    case 'remove':
      return { ...state, jobs: state.jobs.filter((job) => job.id !== action.id) };
    case 'clear-finished':
      return { ...state, jobs: state.jobs.filter((job) => UNFINISHED.has(job.status)) };
  }
}

interface Pending extends JobRequest {
  id: string;
  controller: AbortController;
}

/**
 * File jobs of the page, run one at a time: each holds its file (and the SDK's copies) in memory,
 * so running several 256 MiB files at once would multiply the peak. Every job can be cancelled,
 * waiting or running; results stay in memory until downloaded (large ones), removed, or the page
 * is left.
 */
export function useFileJobs() {
  const [state, dispatch] = useReducer(reducer, {
    jobs: [],
    counters: { made: 0, saved: 0, cacheHits: 0 },
  });
  const queue = useRef<Pending[]>([]);
  const running = useRef<Pending | undefined>(undefined);
  const lastId = useRef(0);

  const pump = useCallback(async () => {
    if (running.current) return;
    for (let job = queue.current.shift(); job; job = queue.current.shift()) {
      if (job.controller.signal.aborted) continue;
      running.current = job;
      await run(job, dispatch);
      running.current = undefined;
    }
  }, []);

  const enqueue = useCallback(
    (requests: JobRequest[]) => {
      const pending = requests.map((request) => ({
        ...request,
        id: `job-${++lastId.current}`,
        controller: new AbortController(),
      }));
      dispatch({
        type: 'add',
        jobs: pending.map(({ id, kind, file }) => ({
          id,
          kind,
          file,
          status: 'queued',
          progress: { phase: 'reading', fraction: 0 },
          kmsCalls: 0,
          fromCache: false,
          downloaded: false,
        })),
      });
      queue.current.push(...pending);
      void pump();
    },
    [pump],
  );

  const cancel = useCallback((id: string) => {
    const job =
      running.current?.id === id ? running.current : queue.current.find((j) => j.id === id);
    if (!job) return;
    job.controller.abort();
    // Shown at once. A waiting job never starts. A running one stops at its next step: reading
    // and KMS calls stop immediately; the SDK's cryptography cannot be interrupted, so the next
    // job waits for it to end (memory) and its result is dropped (see run()).
    dispatch({ type: 'update', id, patch: { status: 'cancelled' } });
  }, []);

  const download = useCallback((job: FileJob) => {
    if (!job.blob || !job.output) return;
    saveBlob(job.blob, job.output.fileName);
    const release = job.blob.size > KEEP_AFTER_DOWNLOAD_BYTES;
    dispatch({
      type: 'update',
      id: job.id,
      patch: release ? { downloaded: true, blob: undefined } : { downloaded: true },
    });
  }, []);

  const remove = useCallback((id: string) => dispatch({ type: 'remove', id }), []);
  const clearFinished = useCallback(() => dispatch({ type: 'clear-finished' }), []);

  // Leaving the page stops every job: nothing keeps decrypting for a page nobody sees.
  useEffect(() => {
    const pending = queue.current;
    return () => {
      running.current?.controller.abort();
      for (const job of pending) job.controller.abort();
    };
  }, []);

  return {
    jobs: state.jobs,
    counters: state.counters,
    enqueue,
    cancel,
    download,
    remove,
    clearFinished,
  };
}

async function run(job: Pending, dispatch: (action: Action) => void): Promise<void> {
  const { id, controller } = job;
  dispatch({ type: 'update', id, patch: { status: 'running' } });
  let calls = 0;
  let shown: { phase: string; percent: number } = { phase: '', percent: -1 };
  const hooks: JobHooks = {
    signal: controller.signal,
    onProgress: (progress) => {
      // Reading reports every chunk (thousands for a large file): re-render only when the bar
      // moves by a whole percent or the phase changes.
      const percent = Math.floor(progress.fraction * 100);
      if (progress.phase === shown.phase && percent === shown.percent) return;
      shown = { phase: progress.phase, percent };
      dispatch({ type: 'update', id, patch: { progress } });
    },
    onKmsCall: (_record: KmsCallRecord) => {
      calls += 1;
      dispatch({ type: 'kms-call', id });
    },
  };
  try {
    const result = await job.task(job.file, hooks);
    if (controller.signal.aborted) {
      dispatch({ type: 'update', id, patch: { status: 'cancelled' } });
      return;
    }
    const fromCache = job.cached && calls === 0;
    if (fromCache) dispatch({ type: 'cache-hit', saved: job.uncachedCalls });
    dispatch({
      type: 'update',
      id,
      patch: {
        status: 'done',
        output: { fileName: result.fileName, size: result.blob.size },
        blob: result.blob,
        fromCache,
        progress: { phase: 'saving', fraction: 1 },
      },
    });
  } catch (error) {
    const cancelled = controller.signal.aborted || isAbort(error);
    dispatch({
      type: 'update',
      id,
      patch: cancelled ? { status: 'cancelled' } : { status: 'failed', error },
    });
  }
}
