import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { describeError, type ConsoleError } from '../kms/errors';

const POLICY_TYPE_WORDS: Record<string, string> = {
  'identity-based': 'identity-based policy (the IAM policies of your user or role)',
  'resource-based': 'resource-based policy (the key policy)',
  session: "session policy (for Cognito guests: Cognito's guest session policy)",
  'service-control': 'service control policy of your organization',
  'resource-control': 'resource control policy of your organization',
  'permissions-boundary': 'permissions boundary',
  'vpc-endpoint': 'VPC endpoint policy',
};

/** Explains an AccessDenied message: who, what, on which resource, and which policy said no. */
export function AccessDeniedDetails({ error }: { error: ConsoleError }) {
  const denied = error.accessDenied;
  if (!denied) return null;
  const policy = denied.policyType ? POLICY_TYPE_WORDS[denied.policyType] : undefined;
  const reason =
    denied.kind === 'explicit-deny'
      ? `a statement in the ${policy ?? 'policies'} explicitly denies it`
      : policy
        ? `no ${policy} allows it`
        : 'no policy allows it';
  return (
    <Box variant="p">
      <Box variant="strong">{denied.principalArn}</Box> may not perform{' '}
      <Box variant="code">{denied.action}</Box>
      {denied.resource ? (
        <>
          {' '}
          on <Box variant="code">{denied.resource}</Box>
        </>
      ) : null}
      : {reason}.
    </Box>
  );
}

/** An AWS error as the console shows it: headline, AWS's own message, cause and fix. */
export function ErrorAlert({
  error,
  header,
  action,
  onDismiss,
}: {
  error: unknown;
  /** Replaces the catalogue's headline, e.g. "Could not load keys". */
  header?: string;
  action?: ReactNode;
  onDismiss?: () => void;
}) {
  const described = isConsoleError(error) ? error : describeError(error);
  return (
    <Alert
      type="error"
      header={header ?? described.title}
      action={action}
      dismissible={onDismiss !== undefined}
      onDismiss={onDismiss}
    >
      <ErrorDetails error={described} />
    </Alert>
  );
}

export function ErrorDetails({ error }: { error: ConsoleError }) {
  return (
    <SpaceBetween size="xxs">
      {error.accessDenied ? <AccessDeniedDetails error={error} /> : null}
      <Box variant="p">
        <Box variant="strong">{error.name}</Box>: {error.message}
      </Box>
      <Box variant="p">{error.cause}</Box>
      <Box variant="p">
        <Box variant="strong">What to do:</Box> {error.fix}
      </Box>
      {error.requestId ? (
        <Box variant="small" color="text-body-secondary">
          Request ID: {error.requestId}
        </Box>
      ) : null}
    </SpaceBetween>
  );
}

function isConsoleError(value: unknown): value is ConsoleError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'cause' in value &&
    'fix' in value
  );
}
