import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { RETENTION_DAYS } from '../../../kms/events/key-activity';
import { describeError } from '../../../kms/errors';
import { AccessDeniedDetails } from '../../../ui/ErrorAlert';
import { formatDateTime, plural } from '../../../ui/format';
import { useKeyLastUse } from '../api/use-key-last-use';

const DAY_MS = 86_400_000;

function ago(time: Date, now: Date): string {
  const days = Math.floor((now.getTime() - time.getTime()) / DAY_MS);
  return days < 1 ? 'less than a day ago' : `${plural(days, 'day')} ago`;
}

/**
 * In the deletion dialog: whether the event history shows the key in use. A use within the
 * history's 90 days warns (who, which operation, when); no use says how far the history goes;
 * a history that cannot be read says that whether the key is used is unknown.
 */
export function RecentUseWarning({ keyArn }: { keyArn: string | undefined }) {
  const lastUse = useKeyLastUse(keyArn);
  if (keyArn === undefined) return null;
  if (lastUse.isPending) {
    return (
      <Box>
        <Spinner /> Looking for recent use of the key in the event history…
      </Box>
    );
  }
  if (lastUse.isError) {
    const error = describeError(lastUse.error);
    return (
      <Alert type="warning" header="Whether this key is still used is unknown">
        The event history could not be read ({error.title}), so the console cannot tell who used the
        key lately. Check with its users before deleting it.
        {error.kind === 'access-denied' ? <AccessDeniedDetails error={error} /> : null}
      </Alert>
    );
  }
  const use = lastUse.data.lastUse;
  if (!use) {
    return (
      <Alert type="info" header={`No use in the last ${RETENTION_DAYS} days`}>
        The event history (this Region, {RETENTION_DAYS} days) shows no successful cryptographic use
        of this key. Uses older than that, or in other Regions, are not in it.
      </Alert>
    );
  }
  return (
    <Alert type="warning" header="This key was used recently">
      {use.principal.label} called {use.name} with it {ago(use.time, new Date())} (
      {formatDateTime(use.time)}). Something may still depend on it: see the key&apos;s Usage tab
      for everyone who used it.
    </Alert>
  );
}
