import type { KMSClient } from '@aws-sdk/client-kms';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useKmsClient } from '../../../session/SessionProvider';

export type OperationState<O> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  | { status: 'pending'; data?: undefined; error?: undefined }
  | { status: 'success'; data: O; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

export type Fetcher<I, O> = (kms: KMSClient, input: I, signal: AbortSignal) => Promise<O>;

export interface KmsOperation<I, O> {
  state: OperationState<O>;
  /** Sends the request; resolves with the output, or undefined when it failed or was superseded. */
  run(input: I): Promise<O | undefined>;
  reset(): void;
}

const IDLE = { status: 'idle' } as const;

/**
 * A cryptographic call whose result lives in this component's state only: responses carry
 * plaintext and data keys, which must never reach the react-query cache, storage or the URL.
 * Unmounting aborts the request in flight and drops the result with the component.
 */
export function useKmsOperation<I, O>(fetcher: Fetcher<I, O>): KmsOperation<I, O> {
  const kms = useKmsClient();
  const [state, setState] = useState<OperationState<O>>(IDLE);
  const current = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      current.current?.abort();
      current.current = null;
    },
    [],
  );

  const run = useCallback(
    async (input: I) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ status: 'pending' });
      try {
        const data = await fetcher(kms, input, controller.signal);
        if (current.current !== controller) return undefined;
        setState({ status: 'success', data });
        return data;
      } catch (error) {
        if (current.current !== controller) return undefined;
        setState({ status: 'error', error });
        return undefined;
      }
    },
    [kms, fetcher],
  );

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setState(IDLE);
  }, []);

  return { state, run, reset };
}
