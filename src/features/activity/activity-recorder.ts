import type { KMSClient } from '@aws-sdk/client-kms';
// Types only (erased from the bundle): the SDK's own middleware contract, from its dependency.
import type { InitializeMiddleware, MetadataBearer } from '@smithy/types';
import { ActivityLog, errorNameOf, keyOfCall, requestIdOf } from './activity-log';

const logs = new WeakMap<KMSClient, ActivityLog>();

/**
 * The activity log of a session's KMS client, recording every call from the first one after it
 * is asked for. A middleware in the initialize step sees each call once, retries included in
 * its duration; it reads only key ids, the error name and the request id.
 */
export function activityLogFor(kms: KMSClient): ActivityLog {
  const existing = logs.get(kms);
  if (existing) return existing;
  const log = new ActivityLog();
  logs.set(kms, log);

  const recorder: InitializeMiddleware<object, MetadataBearer> =
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'Request').replace(/Command$/, '');
      const time = Date.now();
      const started = performance.now();
      try {
        const result = await next(args);
        log.record({
          time,
          operation,
          key: keyOfCall(operation, args.input, result.output),
          outcome: 'success',
          requestId: requestIdOf(result.output),
          durationMs: performance.now() - started,
        });
        return result;
      } catch (error) {
        log.record({
          time,
          operation,
          key: keyOfCall(operation, args.input, undefined),
          outcome: 'error',
          errorName: errorNameOf(error),
          requestId: requestIdOf(error),
          durationMs: performance.now() - started,
        });
        throw error;
      }
    };

  kms.middlewareStack.add(recorder, { step: 'initialize', name: 'kmsConsoleActivityRecorder' });
  return log;
}
