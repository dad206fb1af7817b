import { useEffect, useState } from 'react';
import { useSession, useSessionContext, useTalksToSandbox } from '../../../session/SessionProvider';
import { ScenarioSessions } from './scenario-sessions';

/**
 * The scenario users' background sessions for this page, in the sandbox only (undefined against
 * real AWS). Signed in on first use, dropped when the page goes away or the caller changes.
 */
export function useScenarioSessions(): ScenarioSessions | undefined {
  const { config } = useSessionContext();
  const session = useSession();
  const { region, endpoint } = session.manager.source.request;
  // Only where the signed-in session talks to the sandbox: other endpoints' users are not the
  // scenario's.
  const toSandbox = useTalksToSandbox();
  const [sessions] = useState(() =>
    toSandbox
      ? new ScenarioSessions({ config, origin: window.location.origin, region, endpoint })
      : undefined,
  );
  // dispose() only forgets the sessions: a later use signs in again, so a remount is harmless.
  useEffect(() => () => sessions?.dispose(), [sessions]);
  return sessions;
}
