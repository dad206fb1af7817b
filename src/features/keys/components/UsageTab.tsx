import type { KeyMetadata } from '@aws-sdk/client-kms';
import BarChart, { type BarChartProps } from '@cloudscape-design/components/bar-chart';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMemo, useState } from 'react';
import { OUTCOME_LABELS, type EventOutcome } from '../../../kms/events/trail-event';
import { RETENTION_DAYS } from '../../../kms/events/key-activity';
import { seriesOf, type DailyCounts, type PrincipalUsage } from '../../../kms/events/usage';
import { describeError } from '../../../kms/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime, formatUtcDay, plural } from '../../../ui/format';
import { useFollow } from '../../../ui/navigation';
import { useKeyUsage, type KeyUsageView } from '../api/use-key-usage';

type ChartBy = 'operation' | 'outcome';

/** One stacked bar per day that has events, one series per operation (or outcome). */
function chartSeries(daily: DailyCounts, by: ChartBy): BarChartProps<string>['series'] {
  const days = [...daily.keys()].sort();
  return seriesOf(daily).map((series) => ({
    type: 'bar' as const,
    title: by === 'outcome' ? (OUTCOME_LABELS[series as EventOutcome] ?? series) : series,
    data: days.map((day) => ({ x: day, y: daily.get(day)?.get(series) ?? 0 })),
  }));
}

function ReadStatus({ view }: { view: KeyUsageView }) {
  const read = plural(view.scanned, 'event');
  const text = view.running
    ? `Reading the event history… ${read} so far.`
    : view.stopped
      ? `Stopped after ${read}: what follows counts only those.`
      : view.done
        ? `${read} in the last ${RETENTION_DAYS} days.`
        : '';
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <Box variant="span" color="text-body-secondary">
        <span role="status">{text}</span>
      </Box>
      {view.running ? <Button onClick={view.stop}>Stop</Button> : null}
      {view.stopped || view.done ? (
        <Button iconName="refresh" onClick={view.restart}>
          Read again
        </Button>
      ) : null}
    </SpaceBetween>
  );
}

/**
 * Key detail "Usage": who used this key and how, from the event history (CloudTrail, this
 * Region, the last 90 days): the last use, calls per day by operation or outcome, and every
 * principal that called it. The answer to "can I delete this key?" is only as complete as the
 * history read, and the tab says how much that is.
 */
export function UsageTab({ metadata }: { metadata: KeyMetadata }) {
  const view = useKeyUsage(metadata.Arn);
  const follow = useFollow();
  const [by, setBy] = useState<ChartBy>('operation');
  const { usage } = view;
  const daily = by === 'operation' ? usage.byOperation : usage.byOutcome;
  const series = useMemo(() => chartSeries(daily, by), [daily, by]);
  const principals = useMemo(
    () =>
      [...usage.principals.values()].sort((a, b) => b.lastCall.getTime() - a.lastCall.getTime()),
    [usage.principals],
  );
  const settled = view.done || view.stopped;
  const lastUse = usage.lastUse;

  if (view.error !== undefined) {
    return (
      <ErrorAlert
        error={describeError(view.error)}
        header="The key's usage could not be read from the event history"
      />
    );
  }
  const eventsLink = `/events?keyId=${encodeURIComponent(metadata.Arn ?? '')}`;
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description={<ReadStatus view={view} />}
            actions={
              <Button href={eventsLink} onFollow={follow}>
                View events
              </Button>
            }
          >
            Usage
          </Header>
        }
      >
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Last used',
              value: lastUse
                ? formatDateTime(lastUse.time)
                : settled
                  ? view.done
                    ? `Not used in the last ${RETENTION_DAYS} days`
                    : 'Not used in the events read'
                  : 'Reading…',
            },
            { label: 'Last used by', value: lastUse ? lastUse.principal.label : '—' },
            { label: 'Last operation', value: lastUse ? lastUse.name : '—' },
          ]}
        />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Calls per day (UTC) that named this key, allowed or not."
            actions={
              <SegmentedControl
                selectedId={by}
                onChange={({ detail }) => setBy(detail.selectedId as ChartBy)}
                label="Show calls by"
                options={[
                  { id: 'operation', text: 'By operation' },
                  { id: 'outcome', text: 'By outcome' },
                ]}
              />
            }
          >
            Calls per day
          </Header>
        }
      >
        <BarChart
          series={series}
          stackedBars
          xScaleType="categorical"
          xTitle="Day (UTC)"
          i18nStrings={{ xTickFormatter: formatUtcDay }}
          yTitle="Calls"
          height={220}
          hideFilter
          statusType={view.running && series.length === 0 ? 'loading' : 'finished'}
          loadingText="Reading the event history"
          ariaLabel="Calls per day"
          empty={
            <Box textAlign="center" color="inherit">
              No calls named this key.
            </Box>
          }
        />
      </Container>
      <Table<PrincipalUsage>
        variant="container"
        items={principals}
        trackBy="id"
        loading={view.running && principals.length === 0}
        loadingText="Reading the event history"
        header={
          <Header
            variant="h2"
            counter={settled ? `(${principals.length})` : undefined}
            description="Everyone who called this key: before deleting it, ask them."
          >
            Principals
          </Header>
        }
        columnDefinitions={[
          { id: 'principal', header: 'Principal', cell: (p) => p.label },
          { id: 'uses', header: 'Uses', cell: (p) => p.uses },
          { id: 'denied', header: 'Denied', cell: (p) => p.denied },
          { id: 'calls', header: 'All calls', cell: (p) => p.calls },
          { id: 'last', header: 'Last call', cell: (p) => formatDateTime(p.lastCall) },
          { id: 'operation', header: 'Last operation', cell: (p) => p.lastOperation },
        ]}
        empty={
          <Box textAlign="center" color="inherit" padding="m">
            No one called this key in the events read.
          </Box>
        }
        ariaLabels={{ tableLabel: 'Principals' }}
      />
    </SpaceBetween>
  );
}
