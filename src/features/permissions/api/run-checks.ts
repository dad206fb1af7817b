import type { KMSClient } from '@aws-sdk/client-kms';
import { queryOptions } from '@tanstack/react-query';
import { runDryRun, type DryRunOutcome } from '../../../kms/dry-run';
import type { CheckPlan, PlannedCheck } from '../model/plan-checks';

export interface CheckResult {
  check: PlannedCheck;
  outcome: DryRunOutcome;
}

/** Every planned check as a dry run, side by side (they are independent and change nothing). */
export async function runChecks(
  kms: KMSClient,
  plan: CheckPlan,
  signal?: AbortSignal,
): Promise<CheckResult[]> {
  return Promise.all(
    plan.checks.map(async (check) => ({
      check,
      outcome: await runDryRun(kms, check.request, {
        ...(check.placeholder ? { placeholder: check.placeholder } : {}),
        ...(signal ? { signal } : {}),
      }),
    })),
  );
}

/** What a matrix depends on; every part is non-secret and goes into the query key. */
export interface MatrixScope {
  /** Whose client runs the checks: the signed-in principal, or a scenario user. */
  principal: string;
  keyRef: string;
  kind: string;
  /** From DescribeKey; CreateGrant is checked by ARN. */
  keyArn?: string;
  context: Readonly<Record<string, string>>;
}

export const checkMatrixQueryOptions = (kms: KMSClient, scope: MatrixScope, plan: CheckPlan) =>
  queryOptions({
    queryKey: ['permissions', 'matrix', scope] as const,
    queryFn: ({ signal }) => runChecks(kms, plan, signal),
    // A permission check is a question about now: ask KMS again whenever the page asks.
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
