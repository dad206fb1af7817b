import { useMemo, useSyncExternalStore } from 'react';
import { useKmsClient } from '../../session/SessionProvider';
import { activityLogFor } from './activity-recorder';
import type { ActivityLog } from './activity-log';

/**
 * Starts recording the session's KMS calls. The layout calls it while rendering, before any
 * page below it sends a request (children's effects run before their parent's).
 */
export function useActivityRecorder(): ActivityLog {
  const kms = useKmsClient();
  return useMemo(() => activityLogFor(kms), [kms]);
}

export function useActivityEntries() {
  const log = useActivityRecorder();
  const entries = useSyncExternalStore(log.subscribe, log.getSnapshot);
  return { log, entries };
}
