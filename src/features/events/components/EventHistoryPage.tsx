import Alert from '@cloudscape-design/components/alert';
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import DateRangePicker, {
  type DateRangePickerProps,
} from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { describeError } from '../../../kms/errors';
import { KMS_OPERATIONS } from '../../../kms/events/kms-operations';
import { OUTCOME_LABELS, type EventOutcome } from '../../../kms/events/trail-event';
import { useSession } from '../../../session/SessionProvider';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { useEventScan, useScanState } from '../api/use-event-scan';
import { useKeyArn } from '../api/use-key-arn';
import { needsLocalMatch, type EventFilters } from '../model/event-filters';
import {
  isValidRange,
  RANGE_STRINGS,
  rangeFromParam,
  rangeToParam,
  RELATIVE_RANGES,
  timeBounds,
} from '../model/time-range';
import { EventsTable, PAGE_SIZE } from './EventsTable';

const OUTCOMES = Object.keys(OUTCOME_LABELS) as EventOutcome[];
const ANY: SelectProps.Option = { value: '', label: 'Any outcome' };
const OUTCOME_OPTIONS: SelectProps.Option[] = [
  ANY,
  ...OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] })),
];
const OPERATION_OPTIONS = KMS_OPERATIONS.map((value) => ({ value }));

/** Text filters apply once typing pauses, so each keystroke does not start a lookup. */
function useDebounced(value: string, ms = 400): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * `/events`: the account's KMS calls in this Region, newest first, from CloudTrail LookupEvents
 * (the sandbox answers it too). Filters by key, user, operation, outcome and time; each row opens
 * the event as CloudTrail recorded it, and every denial has Explain. The URL keeps the filters
 * (`?keyId=…&user=…&operation=…&outcome=…&range=…`), so a link reopens the same view.
 */
export default function EventHistoryPage() {
  useBreadcrumbs([{ text: 'Event history', href: '/events' }]);
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const [keyText, setKeyText] = useState(params.get('keyId') ?? '');
  const [userText, setUserText] = useState(params.get('user') ?? '');
  const [operation, setOperation] = useState(params.get('operation') ?? '');
  const [outcome, setOutcome] = useState<EventOutcome | ''>(() => {
    const value = params.get('outcome') ?? '';
    return OUTCOMES.includes(value as EventOutcome) ? (value as EventOutcome) : '';
  });
  const [range, setRange] = useState<DateRangePickerProps.Value | null>(() =>
    rangeFromParam(params.get('range')),
  );
  const [paging, setPaging] = useState({ filterKey: '', page: 1 });
  const [rangeNow, setRangeNow] = useState(() => new Date());

  const settledKey = useDebounced(keyText);
  const user = useDebounced(userText).trim();
  const settledOperation = useDebounced(operation).trim();
  const key = useKeyArn(settledKey);
  const knownOperation = settledOperation === '' || KMS_OPERATIONS.includes(settledOperation);

  const { arn: keyArn, resolving: keyResolving, error: keyError } = key;
  const filters = useMemo<EventFilters | undefined>(() => {
    if (keyResolving || keyError || !knownOperation) return undefined;
    return {
      ...(keyArn ? { keyArn } : {}),
      ...(user ? { user } : {}),
      ...(settledOperation ? { operation: settledOperation } : {}),
      ...(outcome ? { outcome } : {}),
      ...timeBounds(range, rangeNow),
    };
  }, [
    keyArn,
    keyResolving,
    keyError,
    user,
    settledOperation,
    knownOperation,
    outcome,
    range,
    rangeNow,
  ]);

  // The URL follows the filters: a link (or a reload) shows the same events.
  useEffect(() => {
    const next = new URLSearchParams();
    if (settledKey.trim()) next.set('keyId', settledKey.trim());
    if (user) next.set('user', user);
    if (settledOperation) next.set('operation', settledOperation);
    if (outcome) next.set('outcome', outcome);
    const rangeParam = rangeToParam(range);
    if (rangeParam) next.set('range', rangeParam);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [settledKey, user, settledOperation, outcome, range, params, setParams]);

  // Other filters start again at page 1.
  const filterKey = JSON.stringify(filters ?? null);
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const setPage = (next: number) => setPaging({ filterKey, page: next });
  // One more than the page shows, so the table knows whether another page follows.
  const control = useEventScan(filters, page * PAGE_SIZE + 1);
  // The page reads only whether the lookup failed: the table and its status line read the rest.
  const scanError = useScanState(control.scan, (snapshot) => snapshot.error);
  const error = scanError === undefined ? undefined : describeError(scanError);
  const sandbox = session.manager.source.request.method === 'sandbox';
  const { region } = session.manager.source;
  const account = session.identity.account;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`KMS calls to ${account ? `account ${account}` : 'this account'} in ${region}, newest first, as CloudTrail recorded them (the last ${90} days).`}
          actions={
            <Button
              iconName="refresh"
              onClick={() => {
                setRangeNow(new Date());
                control.refresh();
              }}
            >
              Refresh
            </Button>
          }
        >
          Event history
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Filters</Header>}>
          <ColumnLayout columns={3}>
            <FormField
              label="Key"
              description="Key ID, key ARN, alias name or alias ARN."
              errorText={key.error}
            >
              <Input
                value={keyText}
                onChange={({ detail }) => setKeyText(detail.value)}
                placeholder="alias/demo-app"
                spellcheck={false}
              />
            </FormField>
            <FormField label="User" description="Part of the user, role or session ARN.">
              <Input
                value={userText}
                onChange={({ detail }) => setUserText(detail.value)}
                placeholder="KmsOperator"
                spellcheck={false}
              />
            </FormField>
            <FormField
              label="Operation"
              description="A KMS API name."
              errorText={
                knownOperation
                  ? undefined
                  : `${settledOperation} is not a KMS operation: pick one from the list.`
              }
            >
              <Autosuggest
                value={operation}
                onChange={({ detail }) => setOperation(detail.value)}
                options={OPERATION_OPTIONS}
                placeholder="Decrypt"
                enteredTextLabel={(value) => `Use "${value}"`}
                empty="No such KMS operation"
                ariaLabel="Operation"
              />
            </FormField>
            <FormField label="Outcome">
              <Select
                selectedOption={OUTCOME_OPTIONS.find((o) => o.value === outcome) ?? ANY}
                onChange={({ detail }) =>
                  setOutcome((detail.selectedOption.value ?? '') as EventOutcome | '')
                }
                options={OUTCOME_OPTIONS}
                ariaLabel="Outcome"
              />
            </FormField>
            <FormField label="Time" description="All 90 days when empty.">
              <DateRangePicker
                value={range}
                onChange={({ detail }) => {
                  setRangeNow(new Date());
                  setRange(detail.value);
                }}
                relativeOptions={RELATIVE_RANGES}
                isValidRange={isValidRange}
                i18nStrings={RANGE_STRINGS}
                placeholder="Filter by a date and time range"
                ariaLabel="Time"
                // The chosen range reads as the table's times do (src/ui/format.ts).
                absoluteFormat="long-localized"
                hideTimeOffset
              />
            </FormField>
          </ColumnLayout>
        </Container>
        {error ? (
          <ErrorAlert
            error={error}
            header={
              error.kind === 'access-denied' ? undefined : 'The event history could not be read'
            }
          />
        ) : null}
        {error?.kind === 'access-denied' && sandbox ? (
          <Alert type="info">
            In the sandbox the scenario&apos;s admin and auditor may read the event history; the
            operator and the guest may not.
          </Alert>
        ) : null}
        {filters === undefined && key.resolving ? (
          <Box color="text-body-secondary">Finding the key&apos;s ARN…</Box>
        ) : null}
        {error === undefined ? (
          <EventsTable
            control={control}
            page={page}
            onPage={setPage}
            filtered={filters !== undefined && needsLocalMatch(filters)}
          />
        ) : null}
      </SpaceBetween>
    </ContentLayout>
  );
}
