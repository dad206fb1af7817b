import type { KeyMetadata } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ButtonDropdown, {
  type ButtonDropdownProps,
} from '@cloudscape-design/components/button-dropdown';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, errorSummary } from '../../../kms/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/notifications';
import {
  MAX_PENDING_DAYS,
  MIN_PENDING_DAYS,
  useCancelKeyDeletion,
  useDisableKey,
  useEnableKey,
  useScheduleKeyDeletion,
} from '../api/key-changes';
import { ActionModal } from '../../../ui/ActionModal';
import { isPendingDeletion } from './key-facts';
import { RecentUseWarning } from './RecentUseWarning';

type Dialog = 'disable' | 'schedule-deletion' | undefined;

/** The word typed to confirm a deletion (Cloudscape's "additional written consent" pattern). */
export const DELETION_CONFIRMATION = 'confirm';

/** Which key actions apply to a key in its current state (AWS managed keys have none). */
export function keyActionItems(metadata: KeyMetadata | undefined): ButtonDropdownProps.Item[] {
  const state = metadata?.KeyState;
  const pendingDeletion = isPendingDeletion(state);
  const awsManaged = metadata?.KeyManager === 'AWS';
  const reason = awsManaged ? 'AWS manages this key' : undefined;
  return [
    {
      id: 'enable',
      text: 'Enable',
      disabled: !metadata || awsManaged || state !== 'Disabled',
      disabledReason: reason ?? (pendingDeletion ? 'Cancel the deletion first' : undefined),
    },
    {
      id: 'disable',
      text: 'Disable',
      disabled: !metadata || awsManaged || state !== 'Enabled',
      disabledReason: reason,
    },
    {
      id: 'schedule-deletion',
      text: 'Schedule key deletion',
      disabled: !metadata || awsManaged || pendingDeletion,
      disabledReason: reason ?? (pendingDeletion ? 'Deletion is already scheduled' : undefined),
    },
    {
      id: 'cancel-deletion',
      text: 'Cancel key deletion',
      disabled: !metadata || awsManaged || !pendingDeletion,
      disabledReason: reason,
    },
  ];
}

/**
 * "Key actions": enable, disable (confirmed), schedule deletion (waiting period and typed
 * confirmation), cancel deletion, as the AWS console offers them.
 */
export function KeyActions({
  metadata,
  name,
  variant = 'normal',
}: {
  metadata: KeyMetadata | undefined;
  /** Alias or key id, for messages. */
  name: string;
  variant?: ButtonDropdownProps['variant'];
}) {
  const [dialog, setDialog] = useState<Dialog>();
  const notify = useNotify();
  const enable = useEnableKey();
  const cancel = useCancelKeyDeletion();
  const keyId = metadata?.KeyId ?? '';
  const busy = enable.isPending || cancel.isPending;

  const onItemClick = (id: string) => {
    if (id === 'enable') {
      enable.mutate(
        { KeyId: keyId },
        {
          onSuccess: () => notify({ type: 'success', header: `Enabled ${name}` }),
          onError: (error) => notifyError(notify, `Could not enable ${name}`, error),
        },
      );
    } else if (id === 'cancel-deletion') {
      cancel.mutate(
        { KeyId: keyId },
        {
          onSuccess: () =>
            notify({
              type: 'success',
              header: `Deletion of ${name} cancelled`,
              content:
                'The key is now disabled, as after any cancelled deletion: enable it to use it again.',
            }),
          onError: (error) =>
            notifyError(notify, `Could not cancel the deletion of ${name}`, error),
        },
      );
    } else {
      setDialog(id as Dialog);
    }
  };

  return (
    <>
      <ButtonDropdown
        items={keyActionItems(metadata)}
        onItemClick={({ detail }) => onItemClick(detail.id)}
        disabled={!metadata}
        loading={busy}
        variant={variant}
      >
        Key actions
      </ButtonDropdown>
      {dialog === 'disable' && metadata ? (
        <DisableKeyModal metadata={metadata} name={name} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'schedule-deletion' && metadata ? (
        <ScheduleDeletionModal
          metadata={metadata}
          name={name}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </>
  );
}

function notifyError(notify: ReturnType<typeof useNotify>, header: string, error: unknown) {
  const described = describeError(error);
  notify({ type: 'error', header, content: `${errorSummary(described)} ${described.fix}` });
}

function DisableKeyModal({
  metadata,
  name,
  onClose,
}: {
  metadata: KeyMetadata;
  name: string;
  onClose(): void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const disable = useDisableKey();
  const notify = useNotify();
  const submit = () =>
    disable.mutate(
      { KeyId: metadata.KeyId },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Disabled ${name}` });
          onClose();
        },
      },
    );
  return (
    <ActionModal
      header="Disable key"
      actionLabel="Disable key"
      busy={disable.isPending}
      disabled={!confirmed}
      onAction={submit}
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          While <Box variant="strong">{name}</Box> is disabled, nobody can use it in cryptographic
          operations: data encrypted under it cannot be decrypted until you enable it again.
        </Box>
        <Checkbox checked={confirmed} onChange={({ detail }) => setConfirmed(detail.checked)}>
          Confirm that you want to disable this key.
        </Checkbox>
        {disable.isError ? (
          <ErrorAlert error={disable.error} header="The key was not disabled" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}

function ScheduleDeletionModal({
  metadata,
  name,
  onClose,
}: {
  metadata: KeyMetadata;
  name: string;
  onClose(): void;
}) {
  const [days, setDays] = useState(String(MAX_PENDING_DAYS));
  const [typed, setTyped] = useState('');
  const schedule = useScheduleKeyDeletion();
  const notify = useNotify();
  const period = Number(days);
  const periodValid =
    Number.isInteger(period) && period >= MIN_PENDING_DAYS && period <= MAX_PENDING_DAYS;
  const consent = typed.trim() === DELETION_CONFIRMATION;
  const submit = () =>
    schedule.mutate(
      { KeyId: metadata.KeyId, PendingWindowInDays: period },
      {
        onSuccess: (answer) => {
          notify({
            type: 'success',
            header: `Deletion of ${name} scheduled`,
            // A multi-Region primary with replicas answers no DeletionDate: it waits for them.
            content: answer.DeletionDate
              ? `KMS deletes the key on ${formatDateTime(answer.DeletionDate)}. Until then you can cancel the deletion.`
              : `KMS deletes the key ${period} days after its last replica key is deleted. Until then you can cancel the deletion.`,
          });
          onClose();
        },
      },
    );
  return (
    <ActionModal
      header="Schedule key deletion"
      actionLabel="Schedule deletion"
      busy={schedule.isPending}
      disabled={!periodValid || !consent}
      onAction={submit}
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Alert type="warning" header="Deleting a key makes its data unrecoverable">
          After the waiting period KMS deletes <strong>{name}</strong> and its key material.
          Everything encrypted under it can never be decrypted again. During the waiting period the
          key cannot be used, and you can cancel the deletion.
        </Alert>
        <RecentUseWarning keyArn={metadata.Arn} />
        <FormField
          label="Waiting period (in days)"
          description={`Between ${MIN_PENDING_DAYS} and ${MAX_PENDING_DAYS} days.`}
          errorText={
            periodValid
              ? undefined
              : `Enter a whole number from ${MIN_PENDING_DAYS} to ${MAX_PENDING_DAYS}.`
          }
        >
          <Input
            type="number"
            inputMode="numeric"
            value={days}
            onChange={({ detail }) => setDays(detail.value)}
          />
        </FormField>
        <FormField
          label={`To confirm, type "${DELETION_CONFIRMATION}"`}
          description="To avoid accidental deletions, we ask you to provide additional written consent."
        >
          <Input
            value={typed}
            onChange={({ detail }) => setTyped(detail.value)}
            placeholder={DELETION_CONFIRMATION}
            spellcheck={false}
          />
        </FormField>
        {schedule.isError ? (
          <ErrorAlert error={schedule.error} header="The deletion was not scheduled" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
