import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Popover from '@cloudscape-design/components/popover';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState, type ReactNode } from 'react';
import { bareKeyId, isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { CRYPTOGRAPHIC_OPERATIONS } from '../../../kms/operations';
import { BreakableText } from '../../../ui/BreakableText';
import { formatTime } from '../../../ui/format';
import type { ActivityEntry } from '../activity-log';
import { useActivityEntries } from '../use-activity';

/** A key as a narrow column can show it: the key id or alias name an ARN ends with. */
function shortKey(key: string): string {
  const parsed = parseKeyReference(key);
  if (!isKeyReference(parsed)) return key;
  if (parsed.kind === 'alias-arn') return parsed.value.slice(parsed.value.indexOf(':alias/') + 1);
  return bareKeyId(parsed.value) ?? parsed.value;
}

/** The short key, opening the whole ARN (account and Region included) on click. */
function KeyCell({ keyRef }: { keyRef: string }) {
  const short = shortKey(keyRef);
  if (short === keyRef) return <BreakableText text={keyRef} />;
  return (
    <Popover
      triggerType="text"
      size="large"
      header="Key ARN"
      content={
        <Box variant="code" fontSize="body-s">
          <BreakableText text={keyRef} />
        </Box>
      }
    >
      <BreakableText text={short} />
    </Popover>
  );
}

/** Secondary detail under a cell's main value (the call's time, its duration). */
function Detail({ children }: { children: ReactNode }) {
  return (
    <Box color="text-body-secondary" fontSize="body-s">
      {children}
    </Box>
  );
}

/*
 * The drawer opens 560 px wide: four columns, the time under the operation and the duration under
 * the outcome, and long identifiers wrap at their separators, so every value stays whole and
 * readable (six columns, wrapped anywhere, squeezed the key to three characters a line and cut
 * the duration off).
 */
const COLUMNS: TableProps.ColumnDefinition<ActivityEntry>[] = [
  {
    id: 'operation',
    header: 'Operation',
    cell: (entry) => (
      <>
        <BreakableText text={entry.operation} />
        <Detail>
          <time dateTime={new Date(entry.time).toISOString()}>
            {formatTime(new Date(entry.time))}
          </time>
        </Detail>
      </>
    ),
  },
  {
    id: 'key',
    header: 'Key',
    cell: (entry) =>
      entry.key ? (
        // ReEncrypt names two keys: "source → destination".
        <SpaceBetween size="xxxs">
          {entry.key.split(' → ').map((key, index) => (
            <span key={index}>
              {index > 0 ? '→ ' : null}
              <KeyCell keyRef={key} />
            </span>
          ))}
        </SpaceBetween>
      ) : (
        '—'
      ),
  },
  {
    id: 'outcome',
    header: 'Outcome',
    // The status icon and its word side by side ("Succeeded", "Ciphertext"), never split.
    minWidth: 140,
    cell: (entry) => (
      <>
        {entry.outcome === 'success' ? (
          <StatusIndicator type="success">Succeeded</StatusIndicator>
        ) : entry.errorName === 'DryRunOperationException' ? (
          <StatusIndicator type="info">Dry run: would succeed</StatusIndicator>
        ) : (
          <StatusIndicator type="error">
            <BreakableText text={entry.errorName ?? 'Failed'} />
          </StatusIndicator>
        )}
        <Detail>{Math.round(entry.durationMs)} ms</Detail>
      </>
    ),
  },
  {
    id: 'requestId',
    header: 'Request ID',
    cell: (entry) =>
      entry.requestId ? (
        <Box variant="code" fontSize="body-s">
          <BreakableText text={entry.requestId} />
        </Box>
      ) : (
        '—'
      ),
  },
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
