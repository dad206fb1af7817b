import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { describePriorityOf, useKeyCatalog } from '../../../kms/api/key-catalog';
import { EMPTY_CATALOG, type KeyCatalog } from '../../../kms/catalog/catalog';
import { buildRows, type RowCache } from '../../../kms/catalog/rows';
import { isUrgentChange } from '../../../kms/catalog/throttle';
import { describeError, isAccessDenied } from '../../../kms/errors';
import { AccessDeniedDetails, ErrorAlert } from '../../../ui/ErrorAlert';
import { formatCount } from '../../../ui/format';
import { KeyLookup } from '../../../ui/KeyLookup';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { ThrottleNotice } from '../../../ui/ThrottleNotice';
import { useCallerIdentity } from '../../../session/SessionProvider';
import { EmptyRegionNotice } from './EmptyRegionNotice';
import { KeysTable } from './KeysTable';

const RENDER_INTERVAL_MS = 1000;

/** The catalog as the table shows it: urgent changes at once, the rest at most once a second. */
function useThrottledCatalog(latest: KeyCatalog, visible: readonly string[]): KeyCatalog {
  const [shown, setShown] = useState(latest);
  const [shownAt, setShownAt] = useState(0);
  useEffect(() => {
    if (latest === shown) return;
    const wait = isUrgentChange(shown, latest, visible)
      ? 0
      : Math.max(0, RENDER_INTERVAL_MS - (Date.now() - shownAt));
    const timer = setTimeout(() => {
      setShown(latest);
      setShownAt(Date.now());
    }, wait);
    return () => clearTimeout(timer);
  }, [latest, shown, shownAt, visible]);
  return shown;
}

/** Loading progress, subscribed on its own so it can update on every chunk cheaply. */
function CatalogProgress() {
  const query = useKeyCatalog();
  return <Progress catalog={query.data ?? EMPTY_CATALOG} fetching={query.isFetching} />;
}

function Progress({ catalog, fetching }: { catalog: KeyCatalog; fetching: boolean }) {
  const total = catalog.keys.length;
  const described = catalog.metadata.size + catalog.describeErrors.size;
  const parts: string[] = [];
  if (!catalog.keysComplete) parts.push(`listed ${formatCount(total)} keys so far`);
  if (!catalog.aliasesComplete) parts.push(`${formatCount(catalog.aliases.length)} aliases so far`);
  if (described < total) parts.push(`described ${formatCount(described)} of ${formatCount(total)}`);
  else if (fetching && !catalog.tagsComplete && !catalog.tagsError) {
    parts.push(`tags loaded for ${formatCount(catalog.tags.size)} keys`);
  }
  return (
    <SpaceBetween size="xxs">
      <span>Customer managed and AWS managed keys in this account and region.</span>
      {fetching && parts.length > 0 ? (
        <StatusIndicator type="loading">Loading: {parts.join(', ')}</StatusIndicator>
      ) : null}
      <ThrottleNotice />
    </SpaceBetween>
  );
}

/** What a principal who may not list keys sees: the denial explained, and a way to keep working. */
function ListKeysDenied({ error }: { error: unknown }) {
  const described = describeError(error);
  const guest = useCallerIdentity().cognitoGuest === true;
  const session = guest || described.accessDenied?.policyType === 'session';
  return (
    <SpaceBetween size="l">
      <Alert type="warning" header="You may not list keys (kms:ListKeys was denied)">
        <SpaceBetween size="xs">
          <AccessDeniedDetails error={described} />
          <Box variant="p">
            {session
              ? "You signed in as a Cognito guest. Besides the guest role's own policy, Cognito's guest session policy applies to every guest: it allows only cryptographic actions (Encrypt, Decrypt, GenerateDataKey…), whatever the role allows, so listing and describing keys is never possible for guests."
              : 'Listing keys needs kms:ListKeys in an IAM policy of your user or role (key policies cannot grant it, because it applies to no single key).'}{' '}
            You can still use any key you know by its ID, ARN or alias.
          </Box>
          <Box variant="small" color="text-body-secondary">
            {described.name}: {described.message}
          </Box>
        </SpaceBetween>
      </Alert>
      <KeyLookup />
    </SpaceBetween>
  );
}

export default function KeysPage() {
  useBreadcrumbs([{ text: 'Keys', href: '/keys' }]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useKeyCatalog();
  const latest = query.data ?? EMPTY_CATALOG;
  const [visible, setVisible] = useState<readonly string[]>([]);
  // The table re-renders at once for keys on screen, about once a second for the rest.
  const catalog = useThrottledCatalog(latest, visible);
  // Rows of unchanged keys are reused between catalog chunks (fewer objects, cheaper renders).
  const [cache] = useState<RowCache>(() => new Map());
  const rows = useMemo(() => buildRows(catalog, cache), [catalog, cache]);
  const priority = describePriorityOf(queryClient);
  const onVisibleChange = useCallback(
    (ids: string[]) => {
      priority.set(ids);
      setVisible(ids);
    },
    [priority],
  );

  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const create = useCallback(() => void navigate('/keys/create'), [navigate]);
  const status = useMemo(() => <CatalogProgress />, []);
  const retry = useMemo(
    () => (
      <Button onClick={refresh} iconName="refresh">
        Retry
      </Button>
    ),
    [refresh],
  );
  const listError = catalog.listKeysError ?? query.error ?? undefined;
  const emptyError = useMemo(
    () =>
      listError ? (
        <ErrorAlert error={listError} header="Keys could not be listed" action={retry} />
      ) : undefined,
    [listError, retry],
  );

  if (catalog.listKeysError && isAccessDenied(catalog.listKeysError)) {
    return <ListKeysDenied error={catalog.listKeysError} />;
  }
  return (
    <SpaceBetween size="m">
      {listError && rows.length > 0 ? (
        <ErrorAlert error={listError} header="The key list is incomplete" action={retry} />
      ) : null}
      {catalog.keysComplete && catalog.keys.length === 0 && !listError ? (
        <EmptyRegionNotice onCreate={create} />
      ) : null}
      {catalog.listAliasesError ? (
        <ErrorAlert
          error={catalog.listAliasesError}
          header="Aliases could not be listed: keys are shown without them"
        />
      ) : null}
      <KeysTable
        rows={rows}
        loading={rows.length === 0 && !catalog.keysComplete && !listError}
        status={status}
        error={emptyError}
        refreshing={query.isFetching && catalog.generation > 1}
        onRefresh={refresh}
        onCreate={create}
        onVisibleChange={onVisibleChange}
      />
    </SpaceBetween>
  );
}
