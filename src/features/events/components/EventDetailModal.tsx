import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { TrailEvent } from '../../../kms/events/trail-event';
import { EventOutcomeStatus } from '../../../ui/EventOutcome';
import { formatDateTime } from '../../../ui/format';
import { ExplainButton } from './ExplainButton';

/** The record as CloudTrail has it, indented for reading (what `aws cloudtrail` prints). */
function readableRecord(recordJson: string): string {
  try {
    return JSON.stringify(JSON.parse(recordJson), null, 2);
  } catch {
    return recordJson;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <div>{children}</div>
    </div>
  );
}

/** One event: what happened in a glance, then the whole CloudTrail record. */
export function EventDetailModal({ event, onClose }: { event: TrailEvent; onClose(): void }) {
  const record = readableRecord(event.recordJson);
  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      closeAriaLabel="Close"
      header={`${event.name} at ${formatDateTime(event.time)}`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <ExplainButton event={event} />
            <Button variant="primary" onClick={onClose}>
              Close
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        <ColumnLayout columns={3} variant="text-grid">
          <Fact label="Outcome">
            <EventOutcomeStatus outcome={event.outcome} />
          </Fact>
          <Fact label="User">{event.principal.arn ?? event.principal.label}</Fact>
          <Fact label="Keys">
            {event.keyArns.length > 0
              ? event.keyArns.map((arn) => <div key={arn}>{arn}</div>)
              : '—'}
          </Fact>
          {event.errorCode ? <Fact label="Error code">{event.errorCode}</Fact> : null}
          {event.errorMessage ? <Fact label="Error message">{event.errorMessage}</Fact> : null}
          <Fact label="Event ID">{event.eventId}</Fact>
        </ColumnLayout>
        <SpaceBetween size="xs">
          <Box variant="h3">Event record</Box>
          <Box variant="small" color="text-body-secondary">
            As CloudTrail records it: request parameters, never plaintext, ciphertext or keys.
          </Box>
          <pre
            aria-label="Event record"
            tabIndex={0}
            style={{
              margin: 0,
              padding: 8,
              maxHeight: 420,
              overflow: 'auto',
              border: '1px solid #c6c6cd',
              fontSize: 12,
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            {record}
          </pre>
          <CopyToClipboard
            variant="button"
            textToCopy={record}
            copyButtonText="Copy record"
            copySuccessText="Record copied"
            copyErrorText="The record could not be copied"
          />
        </SpaceBetween>
      </SpaceBetween>
    </Modal>
  );
}
