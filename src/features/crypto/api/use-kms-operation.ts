import type { MetadataBearer } from '@smithy/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  sendKmsOperation,
  type KmsOperationName,
  type OperationInput,
  type OperationOutput,
} from '../../../kms/operations';
import { useKmsClient } from '../../../session/SessionProvider';

export type OperationState<O> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  /** `data`: the previous result, shown until the new one replaces it. */
  | { status: 'pending'; data?: O; error?: undefined }
  | { status: 'success'; data: O; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

/** An operation's response as a form shows it: the output's members and the request ID. */
export type OperationResult<Op extends KmsOperationName> = Omit<
  OperationOutput<Op>,
  '$metadata'
> & { requestId?: string };

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
export function useKmsOperation<Op extends KmsOperationName>(
  operation: Op,
): KmsOperation<OperationInput<Op>, OperationResult<Op>> {
  const kms = useKmsClient();
  const [state, setState] = useState<OperationState<OperationResult<Op>>>(IDLE);
  const current = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      current.current?.abort();
      current.current = null;
    },
    [],
  );

  const run = useCallback(
    async (input: OperationInput<Op>) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      // The previous result stays until the answer replaces it, so the Result region showing it
      // is updated in place rather than mounted again for every operation.
      setState((previous) => ({ status: 'pending', data: previous.data }));
      try {
        const response: MetadataBearer = await sendKmsOperation(kms, operation, input, {
          abortSignal: controller.signal,
        });
        const { $metadata, ...output } = response;
        if (current.current !== controller) return undefined;
        const data = { ...output, requestId: $metadata.requestId } as OperationResult<Op>;
        setState({ status: 'success', data });
        return data;
      } catch (error) {
        if (current.current !== controller) return undefined;
        setState({ status: 'error', error });
        return undefined;
      }
    },
    [kms, operation],
  );

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setState(IDLE);
  }, []);

  return { state, run, reset };
}
