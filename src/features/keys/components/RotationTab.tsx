import type { KeyMetadata } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/notifications';
import {
  MAX_ROTATION_DAYS,
  MIN_ROTATION_DAYS,
  useDisableKeyRotation,
  useEnableKeyRotation,
} from '../api/key-changes';
import { useRotationStatus, type RotationStatus } from '../api/get-key-rotation-status';
import { useKeyRotations } from '../api/list-key-rotations';
import { supportsRotation } from './key-facts';
import { RotateKeyModal } from './RotateKeyModal';
import { ActionModal } from '../../../ui/ActionModal';

/** Automatic rotation (status, period, next date), "Rotate now", and the rotation history. */
export function RotationTab({ metadata }: { metadata: KeyMetadata }) {
  const keyId = metadata.KeyId ?? '';
  const supported = supportsRotation(metadata);
  const status = useRotationStatus(keyId, { enabled: supported });
  const rotations = useKeyRotations(keyId, { enabled: supported });
  const [dialog, setDialog] = useState<'edit' | 'rotate'>();
  const customer = metadata.KeyManager !== 'AWS';

  if (!supported) {
    return (
      <Container header={<Header variant="h2">Key rotation</Header>}>
        <Box variant="p">
          Automatic and on-demand rotation apply to symmetric encryption keys whose key material KMS
          generated. This key ({metadata.KeySpec}, origin {metadata.Origin}) is not rotated by KMS.
        </Box>
      </Container>
    );
  }

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="KMS creates new key material on schedule or on demand; old material stays to decrypt what it encrypted."
            actions={
              customer ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={() => setDialog('edit')} disabled={!status.data}>
                    Edit
                  </Button>
                  <Button
                    onClick={() => setDialog('rotate')}
                    disabled={metadata.KeyState !== 'Enabled'}
                    disabledReason="Only enabled keys can be rotated"
                  >
                    Rotate now
                  </Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Key rotation
          </Header>
        }
      >
        {status.isPending ? <Spinner /> : null}
        {status.isError ? (
          <ErrorAlert error={status.error} header="Rotation status could not be read" />
        ) : null}
        {status.data ? <RotationSummary status={status.data} /> : null}
      </Container>
      <Table
        header={
          <Header variant="h2" counter={rotations.data ? `(${rotations.data.length})` : undefined}>
            Rotation history
          </Header>
        }
        items={rotations.data ?? []}
        loading={rotations.isPending}
        loadingText="Loading rotations"
        variant="container"
        ariaLabels={{ tableLabel: 'Rotation history' }}
        empty={
          rotations.isError ? (
            <ErrorAlert error={rotations.error} header="Rotations could not be listed" />
          ) : (
            <Box textAlign="center" color="inherit">
              This key has not been rotated yet.
            </Box>
          )
        }
        columnDefinitions={[
          { id: 'date', header: 'Date', cell: (r) => formatDateTime(r.RotationDate) },
          {
            id: 'type',
            header: 'Type',
            cell: (r) => (r.RotationType === 'ON_DEMAND' ? 'On demand' : 'Automatic'),
          },
          { id: 'material', header: 'Key material ID', cell: (r) => r.KeyMaterialId ?? '—' },
        ]}
      />
      {dialog === 'edit' && status.data ? (
        <EditRotationModal
          keyId={keyId}
          status={status.data}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'rotate' ? (
        <RotateKeyModal
          keyId={keyId}
          header="Rotate key material now"
          actionLabel="Rotate"
          onClose={() => setDialog(undefined)}
        >
          KMS creates new key material for this key now and uses it for new encryptions. Existing
          ciphertexts still decrypt with their original material. AWS allows 10 on-demand rotations
          per key; they do not change the automatic rotation schedule.
        </RotateKeyModal>
      ) : null}
    </SpaceBetween>
  );
}

function RotationSummary({ status }: { status: RotationStatus }) {
  return (
    <KeyValuePairs
      columns={3}
      items={[
        {
          label: 'Automatic rotation',
          value: status.KeyRotationEnabled ? (
            <StatusIndicator type="success">Enabled</StatusIndicator>
          ) : (
            <StatusIndicator type="stopped">Disabled</StatusIndicator>
          ),
        },
        {
          label: 'Rotation period',
          value: status.RotationPeriodInDays ? `${status.RotationPeriodInDays} days` : '—',
        },
        { label: 'Next rotation date', value: formatDateTime(status.NextRotationDate) },
        {
          label: 'On-demand rotation',
          value: status.OnDemandRotationStartDate
            ? `In progress since ${formatDateTime(status.OnDemandRotationStartDate)}`
            : 'None in progress',
        },
      ]}
    />
  );
}

function EditRotationModal({
  keyId,
  status,
  onClose,
}: {
  keyId: string;
  status: RotationStatus;
  onClose(): void;
}) {
  const [enabled, setEnabled] = useState(status.KeyRotationEnabled ?? false);
  const [days, setDays] = useState(String(status.RotationPeriodInDays ?? 365));
  const enable = useEnableKeyRotation();
  const disable = useDisableKeyRotation();
  const notify = useNotify();
  const period = Number(days);
  const valid =
    !enabled ||
    (Number.isInteger(period) && period >= MIN_ROTATION_DAYS && period <= MAX_ROTATION_DAYS);
  const error = enable.error ?? disable.error;
  const save = () => {
    const done = {
      onSuccess: () => {
        notify({
          type: 'success',
          header: enabled
            ? `Automatic rotation every ${period} days`
            : 'Automatic rotation disabled',
        });
        onClose();
      },
    };
    if (enabled) enable.mutate({ KeyId: keyId, RotationPeriodInDays: period }, done);
    else disable.mutate({ KeyId: keyId }, done);
  };
  return (
    <ActionModal
      header="Automatic key rotation"
      actionLabel="Save"
      busy={enable.isPending || disable.isPending}
      disabled={!valid}
      onAction={save}
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Checkbox checked={enabled} onChange={({ detail }) => setEnabled(detail.checked)}>
          Automatically rotate this KMS key
        </Checkbox>
        <FormField
          label="Rotation period (in days)"
          description={`From ${MIN_ROTATION_DAYS} to ${MAX_ROTATION_DAYS} days; 365 by default.`}
          errorText={
            valid
              ? undefined
              : `Enter a whole number from ${MIN_ROTATION_DAYS} to ${MAX_ROTATION_DAYS}.`
          }
        >
          <Input
            type="number"
            inputMode="numeric"
            value={days}
            disabled={!enabled}
            onChange={({ detail }) => setDays(detail.value)}
          />
        </FormField>
        {error ? <ErrorAlert error={error} header="Rotation settings were not saved" /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
