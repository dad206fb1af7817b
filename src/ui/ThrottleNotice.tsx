import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useState } from 'react';
import { useThrottleState } from '../session/SessionProvider';
import { formatCount } from './format';

const RECENT_MS = 15_000;

/** "KMS is throttling requests…" while throttled answers keep coming, then it disappears. */
export function ThrottleNotice() {
  const throttle = useThrottleState();
  // The throttled attempt (by time) whose notice has timed out.
  const [faded, setFaded] = useState(0);
  useEffect(() => {
    if (throttle.lastAt === 0) return;
    const timer = setTimeout(() => setFaded(throttle.lastAt), RECENT_MS);
    return () => clearTimeout(timer);
  }, [throttle.lastAt]);
  const recent = throttle.lastAt > 0 && faded !== throttle.lastAt;
  if (!recent) return null;
  return (
    <StatusIndicator type="warning">
      KMS is throttling requests (ThrottlingException on {throttle.lastOperation},{' '}
      {formatCount(throttle.total)} so far): the console backs off and retries
    </StatusIndicator>
  );
}
