import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { DryRunStatus } from '../../../kms/DryRunStatus';
import { describeError } from '../../../kms/errors';
import {
  SANDBOX_USERS,
  SANDBOX_USER_ROLES,
  type SandboxUser,
} from '../../../session/sign-in-request';
import { runChecks, type CheckResult, type MatrixScope } from '../api/run-checks';
import { principalArnOf } from '../model/caller';
import type { KeyProfile } from '../model/key-profile';
import { planChecks } from '../model/plan-checks';
import { contextWords } from '../model/words';
import type { ScenarioSessions } from '../scenario/scenario-sessions';

interface UserMatrix {
  user: SandboxUser;
  results?: CheckResult[];
  error?: string;
  pending: boolean;
}

interface CompareRow {
  operation: string;
}

/**
 * Sandbox only: the same key and context checked for admin, operator, auditor and guest at once,
 * each signed in behind the scenes as the sign-in page would sign them in.
 */
export function CompareScenarioUsers({
  sessions,
  keyRef,
  keyArn,
  profile,
  context,
  operations,
}: {
  sessions: ScenarioSessions;
  keyRef: string;
  /** The key's ARN from DescribeKey, when known (CreateGrant takes no alias). */
  keyArn: string | undefined;
  profile: KeyProfile;
  context: Readonly<Record<string, string>>;
  /** The operations the matrix checks, in its order. */
  operations: readonly string[];
}) {
  const [enabled, setEnabled] = useState(false);
  const ready = enabled && keyRef !== '';
  const queries = useQueries({
    queries: SANDBOX_USERS.map((user) => {
      const scope: MatrixScope = {
        principal: `scenario:${user}`,
        keyRef,
        kind: profile.kind,
        ...(keyArn ? { keyArn } : {}),
        context,
      };
      return {
        queryKey: ['permissions', 'compare', scope] as const,
        queryFn: async ({ signal }: { signal: AbortSignal }) => {
          const session = await sessions.session(user);
          const grantee = session.caller ? principalArnOf(session.caller) : undefined;
          const plan = planChecks({
            keyRef,
            profile,
            context,
            ...(grantee ? { grantee } : {}),
            ...(keyArn ? { keyArn } : {}),
          });
          return runChecks(session.kms, plan, signal);
        },
        enabled: ready,
        staleTime: 0,
        retry: false,
        placeholderData: keepPreviousData,
      };
    }),
  });
  const matrices: UserMatrix[] = SANDBOX_USERS.map((user, index) => {
    const query = queries[index];
    return {
      user,
      pending: query.isFetching || query.isPlaceholderData,
      ...(query.data ? { results: query.data } : {}),
      ...(query.isError ? { error: describeError(query.error).title } : {}),
    };
  });
  const fetching = matrices.some((matrix) => matrix.pending);

  const columns: TableProps.ColumnDefinition<CompareRow>[] = [
    { id: 'operation', header: 'Operation', cell: (row) => row.operation, isRowHeader: true },
    ...matrices.map((matrix) => ({
      id: matrix.user,
      header: `${matrix.user} (${SANDBOX_USER_ROLES[matrix.user].split(':')[0]})`,
      minWidth: 190,
      cell: (row: CompareRow) => {
        if (matrix.error)
          return <StatusIndicator type="error">Sign-in failed: {matrix.error}</StatusIndicator>;
        const found = matrix.results?.find(
          (result) => result.check.request.operation === row.operation,
        );
        if (!found)
          return matrix.results ? '—' : <StatusIndicator type="loading">Checking</StatusIndicator>;
        return <DryRunStatus outcome={found.outcome} />;
      },
    })),
  ];

  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          description="Sandbox only: the same key and encryption context, checked for each scenario user. The console signs each of them in behind the scenes, exactly as the sign-in page does, and keeps their credentials in memory only."
          actions={
            enabled ? undefined : (
              <Button onClick={() => setEnabled(true)} disabled={keyRef === ''}>
                Compare scenario users
              </Button>
            )
          }
        >
          Compare scenario users
        </Header>
      }
      columnDefinitions={columns}
      items={enabled ? operations.map((operation) => ({ operation })) : []}
      trackBy="operation"
      wrapLines
      loading={ready && fetching && matrices.every((matrix) => !matrix.results)}
      loadingText="Signing in the scenario users and running dry runs"
      ariaLabels={{ tableLabel: 'Scenario users side by side' }}
      empty={
        <Box color="text-body-secondary">
          {enabled
            ? 'Choose a key to check.'
            : 'Compare admin, operator, auditor and guest for this key and context.'}
        </Box>
      }
      footer={
        enabled ? (
          <div role="status">
            <Box variant="small" color="text-body-secondary">
              {fetching
                ? 'Checking…'
                : `Checked as ${SANDBOX_USERS.join(', ')} on ${keyRef} ${contextWords(context)}.`}
            </Box>
          </div>
        ) : undefined
      }
    />
  );
}
