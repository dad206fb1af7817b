import type { KeyMetadata } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useUpdateKeyDescription } from '../api/key-changes';
import { KeyStatus } from './KeyStatus';
import { ActionModal } from '../../../ui/ActionModal';

export function Copyable({ text, label }: { text: string; label: string }) {
  return (
    <CopyToClipboard
      variant="inline"
      textToCopy={text}
      copyButtonAriaLabel={`Copy ${label}`}
      copySuccessText={`${label} copied`}
      copyErrorText={`${label} could not be copied`}
    />
  );
}

export function GeneralConfiguration({
  metadata,
  aliases,
}: {
  metadata: KeyMetadata;
  aliases: string[];
}) {
  const [editing, setEditing] = useState(false);
  const customer = metadata.KeyManager !== 'AWS';
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            customer ? (
              <Button onClick={() => setEditing(true)}>Edit description</Button>
            ) : undefined
          }
        >
          General configuration
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Alias', value: aliases.length > 0 ? aliases.join(', ') : '—' },
          { label: 'Key ID', value: <Copyable text={metadata.KeyId ?? ''} label="Key ID" /> },
          { label: 'ARN', value: <Copyable text={metadata.Arn ?? ''} label="ARN" /> },
          { label: 'Status', value: <KeyStatus state={metadata.KeyState} /> },
          { label: 'Description', value: metadata.Description || '—' },
          { label: 'Creation date', value: formatDateTime(metadata.CreationDate) },
          {
            label: 'Key manager',
            value: metadata.KeyManager === 'AWS' ? 'AWS managed' : 'Customer managed',
          },
          { label: 'Regionality', value: metadata.MultiRegion ? 'Multi-Region' : 'Single Region' },
          { label: 'Account', value: metadata.AWSAccountId ?? '—' },
          ...(metadata.KeyState === 'PendingDeletion'
            ? [{ label: 'Scheduled deletion date', value: formatDateTime(metadata.DeletionDate) }]
            : []),
          ...(metadata.PendingDeletionWindowInDays
            ? [{ label: 'Waiting period', value: `${metadata.PendingDeletionWindowInDays} days` }]
            : []),
        ]}
      />
      {editing ? <DescriptionModal metadata={metadata} onClose={() => setEditing(false)} /> : null}
    </Container>
  );
}

function DescriptionModal({ metadata, onClose }: { metadata: KeyMetadata; onClose(): void }) {
  const [value, setValue] = useState(metadata.Description ?? '');
  const update = useUpdateKeyDescription();
  const tooLong = value.length > 8192;
  return (
    <ActionModal
      header="Edit description"
      actionLabel="Save"
      busy={update.isPending}
      disabled={tooLong}
      onAction={() =>
        update.mutate({ KeyId: metadata.KeyId, Description: value }, { onSuccess: onClose })
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <FormField
          label="Description"
          errorText={tooLong ? 'At most 8,192 characters.' : undefined}
        >
          <Textarea value={value} onChange={({ detail }) => setValue(detail.value)} />
        </FormField>
        {update.isError ? <ErrorAlert error={update.error} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
