import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import type { DryRunOutcome } from '../../../kms/dry-run';
import { DryRunStatus } from '../../../kms/DryRunStatus';
import type { CheckResult } from '../api/run-checks';
import type { SkippedCheck } from '../model/plan-checks';

export interface MatrixRow {
  operation: string;
  outcome?: DryRunOutcome;
  /** Why the operation was not checked. */
  skipped?: string;
  /** How the check's request differs from a real one. */
  note?: string;
  /** For Cognito guests: whether Cognito's guest session policy allows every action of it. */
  sessionPolicyAllows?: boolean;
}

export function matrixRows(
  results: readonly CheckResult[],
  skipped: readonly SkippedCheck[],
  sessionPolicyAllows?: (actions: readonly string[]) => boolean,
): MatrixRow[] {
  return [
    ...results.map(({ check, outcome }) => ({
      operation: check.request.operation,
      outcome,
      ...(check.note ? { note: check.note } : {}),
      ...(sessionPolicyAllows ? { sessionPolicyAllows: sessionPolicyAllows(check.actions) } : {}),
    })),
    ...skipped.map((skip) => ({ operation: skip.operation, skipped: skip.reason })),
  ];
}

function messageOf(row: MatrixRow): ReactNode {
  if (row.skipped) return row.skipped;
  const outcome = row.outcome;
  if (!outcome) return null;
  if (outcome.verdict === 'would-succeed') {
    return outcome.caveat ?? 'DryRunOperationException: the request would have succeeded.';
  }
  if (!outcome.error) return outcome.message;
  const said = `${outcome.error.name}: ${outcome.message}`;
  // Denials are explained below the matrix; other failures get the catalogue's fix here.
  if (outcome.verdict !== 'would-fail') return said;
  return (
    <>
      {said}
      <Box variant="small" display="block" color="text-body-secondary">
        What to do: {outcome.error.fix}
      </Box>
    </>
  );
}

/** The matrix: one row per operation, what a dry run of it answered, and AWS's message. */
export function CheckMatrix({
  rows,
  loading,
  header,
  showSessionPolicy,
}: {
  rows: readonly MatrixRow[];
  loading: boolean;
  header: ReactNode;
  showSessionPolicy: boolean;
}) {
  const columns: TableProps.ColumnDefinition<MatrixRow>[] = [
    {
      id: 'operation',
      header: 'Operation',
      cell: (row) => row.operation,
      isRowHeader: true,
      minWidth: 200,
    },
    {
      id: 'outcome',
      header: 'Outcome',
      minWidth: 220,
      cell: (row) =>
        row.outcome ? (
          <DryRunStatus outcome={row.outcome} />
        ) : (
          <StatusIndicator type="info">Not checked</StatusIndicator>
        ),
    },
    ...(showSessionPolicy
      ? [
          {
            id: 'session',
            header: 'Guest session policy',
            cell: (row: MatrixRow) =>
              row.sessionPolicyAllows === undefined
                ? '—'
                : row.sessionPolicyAllows
                  ? 'Allows'
                  : 'Does not allow',
          },
        ]
      : []),
    { id: 'message', header: 'Message', cell: messageOf, minWidth: 300 },
    {
      id: 'request',
      header: 'Checked with',
      cell: (row) => (
        <Box variant="small" color="text-body-secondary">
          {row.note ?? '—'}
        </Box>
      ),
    },
  ];
  return (
    <Table
      header={header}
      columnDefinitions={columns}
      items={[...rows]}
      trackBy="operation"
      loading={loading && rows.length === 0}
      loadingText="Running dry runs"
      wrapLines
      variant="container"
      ariaLabels={{ tableLabel: 'Permission matrix' }}
      empty={<Box color="text-body-secondary">Choose a key to check.</Box>}
    />
  );
}
