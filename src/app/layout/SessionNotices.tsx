import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import { useEffect } from 'react';
import { describeClockOffset } from '../../session/clock-sync';
import { SignInForm } from '../../session/components/SignInForm';
import {
  useClockOffset,
  useCredentialState,
  useSessionContext,
} from '../../session/SessionProvider';
import { describeError } from '../../kms/errors';
import { useNotifications } from '../../ui/notifications';

/**
 * Credential trouble, told as it happens: renewal retrying (flash), renewal impossible (a sign-in
 * dialog over the page, which stays mounted so nothing typed is lost), and a wrong local clock.
 */
export function SessionNotices() {
  const state = useCredentialState();
  const offset = useClockOffset();
  const { notify, dismiss } = useNotifications();
  const { config, lastRequest, reauthenticate, signOut } = useSessionContext();

  useEffect(() => {
    if (state.status === 'retrying') {
      const reason = describeError(state.lastError);
      notify({
        id: 'credentials-retrying',
        type: 'warning',
        header: 'Could not renew your credentials yet',
        content: `${reason.title}: ${reason.message}. The console keeps trying while the current credentials last.`,
      });
    } else if (state.status === 'active') {
      dismiss('credentials-retrying');
    }
  }, [state.status, state.lastError, notify, dismiss]);

  useEffect(() => {
    if (Math.abs(offset) < 60_000) {
      dismiss('clock-skew');
      return;
    }
    notify({
      id: 'clock-skew',
      type: 'info',
      header: "Your computer's clock is off",
      content: `It is ${describeClockOffset(offset)} the endpoint's clock. AWS refuses signatures more than 5 minutes off; the console signs with the endpoint's time, but other tools on this computer may fail. Set the clock to the correct time.`,
    });
  }, [offset, notify, dismiss]);

  if (state.status !== 'expired') return null;
  const reason = describeError(state.lastError);
  return (
    <Modal visible header="Sign in again" onDismiss={() => undefined} closeAriaLabel="Close">
      <SignInForm
        config={config}
        last={lastRequest}
        onSubmit={reauthenticate}
        secondaryAction={
          <Button variant="link" formAction="none" onClick={signOut}>
            Sign out
          </Button>
        }
        intro={
          <Alert type="warning" header="Your session ended">
            Your temporary credentials expired and could not be renewed ({reason.title}:{' '}
            {reason.message}). Sign in again to continue: this page keeps what you were doing.
          </Alert>
        }
      />
    </Modal>
  );
}
