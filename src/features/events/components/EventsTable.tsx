import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { TrailEvent } from '../../../kms/events/trail-event';
import { EventOutcomeStatus } from '../../../ui/EventOutcome';
import { formatCount, formatDateTime, plural } from '../../../ui/format';
import { useFollow } from '../../../ui/navigation';
import { useScanState, type EventScanControl } from '../api/use-event-scan';
import { EventDetailModal } from './EventDetailModal';
import { ExplainButton } from './ExplainButton';

export const PAGE_SIZE = 25;

const keyIdOf = (arn: string) => arn.slice(arn.indexOf(':key/') + ':key/'.length);

function KeyCell({ event }: { event: TrailEvent }) {
  const follow = useFollow();
  if (event.keyArns.length === 0) return <>—</>;
  return (
    <SpaceBetween size="xxxs">
      {event.keyArns.map((arn) => (
        <Link key={arn} href={`/keys/${keyIdOf(arn)}`} onFollow={follow}>
          {keyIdOf(arn)}
        </Link>
      ))}
    </SpaceBetween>
  );
}

/**
 * What the lookup is doing, said once so screen readers hear it (role="status"). It reads the
 * scan itself: progress redraws this line, not the table around it.
 */
function ScanStatus({ control, filtered }: { control: EventScanControl; filtered: boolean }) {
  const scan = useScanState(control.scan, (snapshot) => snapshot);
  const found = plural(scan.matched.length, 'event');
  let text: string;
  if (scan.running) {
    text = filtered
      ? `Looked through ${plural(scan.scanned, 'event')}; ${formatCount(scan.matched.length)} match so far…`
      : `Reading events… ${found} so far.`;
  } else if (scan.stopped) {
    text = `Stopped after looking through ${plural(scan.scanned, 'event')}: ${found} match.`;
  } else if (scan.exhausted) {
    text = filtered
      ? `${found} match, of ${plural(scan.scanned, 'event')} in the history.`
      : `${found}.`;
  } else {
    text = `${found} so far; more on the next pages.`;
  }
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <Box variant="span" color="text-body-secondary">
        <span role="status">{text}</span>
      </Box>
      {scan.running && filtered ? <Button onClick={control.stop}>Stop</Button> : null}
      {scan.stopped ? <Button onClick={control.resume}>Continue</Button> : null}
    </SpaceBetween>
  );
}

/**
 * The events, a page at a time: the table asks the lookup for just enough matches to fill the
 * page shown (and one more, to know whether a next page exists). It redraws when the rows or
 * the paging change, not when the lookup only reads on (thousands of events, redrawn up to 4
 * times a second, to find a few).
 */
export function EventsTable({
  control,
  page,
  onPage,
  filtered,
}: {
  control: EventScanControl;
  page: number;
  onPage(page: number): void;
  /** Some filters are applied here, so the lookup may read many events to find a few. */
  filtered: boolean;
}) {
  const [opened, setOpened] = useState<TrailEvent | undefined>();
  const matched = useScanState(control.scan, (snapshot) => snapshot.matched);
  const running = useScanState(control.scan, (snapshot) => snapshot.running);
  const exhausted = useScanState(control.scan, (snapshot) => snapshot.exhausted);
  const stopped = useScanState(control.scan, (snapshot) => snapshot.stopped);
  const items = matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const known = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const columns: TableProps.ColumnDefinition<TrailEvent>[] = [
    {
      id: 'time',
      header: 'Event time',
      cell: (event) => formatDateTime(event.time),
    },
    {
      id: 'name',
      header: 'Event name',
      cell: (event) => (
        <Button
          variant="inline-link"
          onClick={() => setOpened(event)}
          ariaLabel={`${event.name} by ${event.principal.label} at ${formatDateTime(event.time)}`}
        >
          {event.name}
        </Button>
      ),
    },
    { id: 'user', header: 'User', cell: (event) => event.principal.label },
    { id: 'key', header: 'Key', cell: (event) => <KeyCell event={event} /> },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (event) => <EventOutcomeStatus outcome={event.outcome} />,
    },
    { id: 'error', header: 'Error code', cell: (event) => event.errorCode ?? '—' },
    {
      id: 'explain',
      header: 'Explain',
      cell: (event) => <ExplainButton event={event} variant="inline-link" />,
    },
  ];
  return (
    <>
      <Table
        items={items}
        columnDefinitions={columns}
        trackBy="eventId"
        variant="container"
        loading={running && items.length === 0}
        loadingText="Reading the event history"
        header={
          <Header variant="h2" description={<ScanStatus control={control} filtered={filtered} />}>
            Events
          </Header>
        }
        pagination={
          <Pagination
            currentPageIndex={page}
            pagesCount={Math.max(page, known)}
            openEnd={!exhausted}
            onChange={({ detail }) => onPage(detail.currentPageIndex)}
            ariaLabels={{
              nextPageLabel: 'Next page',
              previousPageLabel: 'Previous page',
              pageLabel: (n) => `Page ${n}`,
            }}
          />
        }
        empty={
          <Box textAlign="center" color="inherit" padding="m">
            {stopped
              ? 'Stopped before finding a matching event.'
              : 'No KMS events match these filters.'}
          </Box>
        }
        ariaLabels={{ tableLabel: 'Events' }}
      />
      {opened ? <EventDetailModal event={opened} onClose={() => setOpened(undefined)} /> : null}
    </>
  );
}
