import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { CRYPTOGRAPHIC_OPERATIONS } from '../../../kms/operations';
import type { ActivityEntry } from '../activity-log';
import { useActivityEntries } from '../use-activity';

const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/** The end of an ARN is what tells keys apart in a narrow panel; the title keeps the whole ARN. */
function shortKey(key: string): string {
  return key.replace(
    /arn:aws[\w-]*:kms:[a-z0-9-]+:(\d{12}):/g,
    (_, account: string) => `${account}:`,
  );
}

const COLUMNS: TableProps.ColumnDefinition<ActivityEntry>[] = [
  {
    id: 'time',
    header: 'Time',
    cell: (entry) => (
      <time dateTime={new Date(entry.time).toISOString()}>{TIME.format(entry.time)}</time>
    ),
  },
  { id: 'operation', header: 'Operation', cell: (entry) => entry.operation },
  {
    id: 'key',
    header: 'Key',
    cell: (entry) =>
      entry.key ? (
        <span title={entry.key} style={{ wordBreak: 'break-all' }}>
          {shortKey(entry.key)}
        </span>
      ) : (
        '—'
      ),
  },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: (entry) =>
      entry.outcome === 'success' ? (
        <StatusIndicator type="success">Succeeded</StatusIndicator>
      ) : entry.errorName === 'DryRunOperationException' ? (
        <StatusIndicator type="info">Dry run: would succeed</StatusIndicator>
      ) : (
        <StatusIndicator type="error">{entry.errorName}</StatusIndicator>
      ),
  },
  {
    id: 'requestId',
    header: 'Request ID',
    cell: (entry) => (
      <Box variant="code" fontSize="body-s">
        {entry.requestId ?? '—'}
      </Box>
    ),
  },
  { id: 'duration', header: 'Duration', cell: (entry) => `${Math.round(entry.durationMs)} ms` },
];

/** This session's calls, newest first; never the plaintext (only key ids and outcomes are kept). */
export default function ActivityPanel() {
  const { log, entries } = useActivityEntries();
  const [cryptoOnly, setCryptoOnly] = useState(true);
  const shown = useMemo(
    () => (cryptoOnly ? entries.filter((e) => CRYPTOGRAPHIC_OPERATIONS.has(e.operation)) : entries),
    [entries, cryptoOnly],
  );
  return (
    <Box padding={{ horizontal: 'm', vertical: 's' }}>
      <SpaceBetween size="s">
        <Header
          variant="h2"
          counter={`(${shown.length})`}
          description="The KMS calls of this session. Request and response bodies are never kept."
          actions={<Button onClick={() => log.clear()}>Clear</Button>}
        >
          Activity
        </Header>
        <Toggle checked={cryptoOnly} onChange={({ detail }) => setCryptoOnly(detail.checked)}>
          Cryptographic operations only
        </Toggle>
        <Table
          ariaLabels={{ tableLabel: 'Activity' }}
          variant="embedded"
          wrapLines
          items={shown}
          trackBy="id"
          columnDefinitions={COLUMNS}
          empty={<Box color="text-body-secondary">No calls yet.</Box>}
        />
      </SpaceBetween>
    </Box>
  );
}
