import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences, {
  type CollectionPreferencesProps,
} from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  filterTokens,
  matchesManager,
  matchesTokens,
  ROW_COMPARATORS,
  type KeyManagerFilter,
  type KeyRow,
} from '../../../kms/catalog/rows';
import { describeError } from '../../../kms/errors';
import { formatCount, formatDateTime, plural } from '../../../ui/format';
import { useFollow } from '../../../ui/navigation';
import { KeyActions } from './KeyActions';
import { KeyStatus } from './KeyStatus';
import { KEY_USAGE_TEXT } from './key-facts';
import { RotationCell } from './RotationCell';

const PREFERENCES_KEY = 'kms-console.keys-table.preferences';

const DEFAULT_PREFERENCES: CollectionPreferencesProps.Preferences = {
  pageSize: 20,
  wrapLines: false,
  stripedRows: false,
  contentDisplay: [
    { id: 'aliases', visible: true },
    { id: 'keyId', visible: true },
    { id: 'status', visible: true },
    { id: 'keySpec', visible: true },
    { id: 'keyUsage', visible: true },
    { id: 'creationDate', visible: true },
    { id: 'rotation', visible: true },
    { id: 'description', visible: false },
    { id: 'keyManager', visible: false },
    { id: 'keyArn', visible: false },
    { id: 'tags', visible: false },
  ],
};

/** Table preferences are not secret: they are kept across visits (localStorage). */
function loadPreferences(): CollectionPreferencesProps.Preferences {
  try {
    const raw = localStorage.getItem(PREFERENCES_KEY);
    if (!raw) return DEFAULT_PREFERENCES;
    const saved = JSON.parse(raw) as CollectionPreferencesProps.Preferences;
    const known = new Set(DEFAULT_PREFERENCES.contentDisplay?.map((c) => c.id));
    const display = (saved.contentDisplay ?? []).filter((c) => known.has(c.id));
    for (const column of DEFAULT_PREFERENCES.contentDisplay ?? []) {
      if (!display.some((c) => c.id === column.id)) display.push(column);
    }
    return { ...DEFAULT_PREFERENCES, ...saved, contentDisplay: display };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

const MANAGER_OPTIONS = [
  { id: 'all', text: 'All keys' },
  { id: 'CUSTOMER', text: 'Customer managed' },
  { id: 'AWS', text: 'AWS managed' },
];

/** Tokenized once per filter text, not once per row. */
let lastFilter = { text: '', tokens: [] as string[] };
function filterRow(row: KeyRow, text: string): boolean {
  if (text !== lastFilter.text) lastFilter = { text, tokens: filterTokens(text) };
  return matchesTokens(row, lastFilter.tokens);
}

/** Plain text (not a component): thousands of cells show it while keys are being described. */
const loading = '…';

type Follow = ReturnType<typeof useFollow>;

/*
 * Cells that render components are memoized on the row object: rows of unchanged keys keep their
 * object (see buildRows' cache), so a catalog update re-renders only the cells that changed.
 */
const AliasCell = memo(function AliasCell({ row, follow }: { row: KeyRow; follow: Follow }) {
  if (row.aliases.length === 0) return <>—</>;
  return (
    <span>
      <Link href={`/keys/${row.keyId}`} onFollow={follow}>
        {row.aliases[0]}
      </Link>
      {row.aliases.length > 1 ? ` (+${row.aliases.length - 1})` : ''}
    </span>
  );
});

const KeyIdCell = memo(function KeyIdCell({ row, follow }: { row: KeyRow; follow: Follow }) {
  return (
    <Link href={`/keys/${row.keyId}`} onFollow={follow} ariaLabel={`Key ${row.keyId}`}>
      {row.keyId}
    </Link>
  );
});

const StatusCell = memo(function StatusCell({ row }: { row: KeyRow }) {
  return row.describeError ? (
    <StatusIndicator type="error">{describeError(row.describeError).title}</StatusIndicator>
  ) : (
    <KeyStatus state={row.metadata?.KeyState} />
  );
});

const MemoRotationCell = memo(RotationCell);

function useColumns(follow: Follow) {
  return useMemo<TableProps.ColumnDefinition<KeyRow>[]>(
    () => [
      {
        id: 'aliases',
        header: 'Aliases',
        cell: (row) => <AliasCell row={row} follow={follow} />,
        sortingComparator: ROW_COMPARATORS.aliases,
        isRowHeader: true,
        minWidth: 180,
      },
      {
        id: 'keyId',
        header: 'Key ID',
        cell: (row) => <KeyIdCell row={row} follow={follow} />,
        sortingComparator: ROW_COMPARATORS.keyId,
        minWidth: 200,
      },
      {
        id: 'status',
        header: 'Status',
        cell: (row) => <StatusCell row={row} />,
        sortingComparator: ROW_COMPARATORS.status,
      },
      {
        id: 'keySpec',
        header: 'Key spec',
        cell: (row) => row.metadata?.KeySpec ?? loading,
        sortingComparator: ROW_COMPARATORS.keySpec,
      },
      {
        id: 'keyUsage',
        header: 'Key usage',
        cell: (row) =>
          row.metadata?.KeyUsage
            ? (KEY_USAGE_TEXT[row.metadata.KeyUsage] ?? row.metadata.KeyUsage)
            : loading,
        sortingComparator: ROW_COMPARATORS.keyUsage,
      },
      {
        id: 'creationDate',
        header: 'Creation date',
        cell: (row) => (row.metadata ? formatDateTime(row.metadata.CreationDate) : loading),
        sortingComparator: ROW_COMPARATORS.creationDate,
      },
      {
        id: 'rotation',
        header: 'Automatic rotation',
        cell: (row) => <MemoRotationCell row={row} />,
      },
      {
        id: 'description',
        header: 'Description',
        cell: (row) => (row.metadata ? row.metadata.Description || '—' : loading),
        sortingComparator: ROW_COMPARATORS.description,
      },
      {
        id: 'keyManager',
        header: 'Key manager',
        cell: (row) =>
          row.manager === 'AWS' ? 'AWS' : row.manager === 'CUSTOMER' ? 'Customer' : loading,
      },
      { id: 'keyArn', header: 'Key ARN', cell: (row) => row.keyArn },
      {
        id: 'tags',
        header: 'Tags',
        cell: (row) =>
          row.tags === undefined
            ? loading
            : row.tags.map((t) => `${t.TagKey}=${t.TagValue ?? ''}`).join(', ') || '—',
      },
    ],
    [follow],
  );
}

export interface KeysTableProps {
  rows: KeyRow[];
  /** No ListKeys page has arrived yet. */
  loading: boolean;
  /** Shown in the header under the title: progress, throttling. */
  status?: ReactNode;
  /** Shown instead of the empty state when listing failed. */
  error?: ReactNode;
  onRefresh(): void;
  refreshing: boolean;
  onCreate(): void;
  /** Keys on the current page, so they are described first. */
  onVisibleChange(keyIds: string[]): void;
}

/** Memoized: the page re-renders on every catalog chunk, the table only when its rows change. */
export const KeysTable = memo(function KeysTable(props: KeysTableProps) {
  const { rows, onVisibleChange } = props;
  const follow = useFollow();
  const columns = useColumns(follow);
  const [preferences, setPreferences] = useState(loadPreferences);
  const [manager, setManager] = useState<KeyManagerFilter>('all');
  const managed = useMemo(
    () => (manager === 'all' ? rows : rows.filter((row) => matchesManager(row, manager))),
    [rows, manager],
  );

  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } =
    useCollection(managed, {
      filtering: {
        filteringFunction: filterRow,
        empty: props.error ?? (
          <Box textAlign="center" color="inherit">
            <Box variant="strong">No keys</Box>
            <Box variant="p">This account has no keys in this region.</Box>
          </Box>
        ),
        noMatch: (
          <Box textAlign="center" color="inherit">
            <Box variant="strong">No matching keys</Box>
            <Box variant="p">Nothing matches the filter.</Box>
          </Box>
        ),
      },
      sorting: {
        defaultState: {
          sortingColumn: { sortingField: 'aliases', sortingComparator: ROW_COMPARATORS.aliases },
        },
      },
      pagination: { pageSize: preferences.pageSize ?? 20 },
      selection: { keepSelection: false, trackBy: 'keyId' },
    });

  const visibleIds = items.map((row) => row.keyId).join(',');
  useEffect(() => {
    onVisibleChange(visibleIds ? visibleIds.split(',') : []);
  }, [visibleIds, onVisibleChange]);

  const selected = collectionProps.selectedItems?.[0];
  const count =
    filterProps.filteringText || manager !== 'all'
      ? `${formatCount(filteredItemsCount ?? 0)}/${formatCount(rows.length)}`
      : formatCount(rows.length);

  return (
    <Table<KeyRow>
      {...collectionProps}
      items={items}
      columnDefinitions={columns}
      columnDisplay={preferences.contentDisplay}
      wrapLines={preferences.wrapLines}
      stripedRows={preferences.stripedRows}
      selectionType="single"
      trackBy="keyId"
      variant="full-page"
      stickyHeader
      enableKeyboardNavigation
      loading={props.loading}
      loadingText="Loading keys"
      resizableColumns
      ariaLabels={{
        tableLabel: 'Keys',
        selectionGroupLabel: 'Key selection',
        itemSelectionLabel: (_, row) => `Select ${row.aliases[0] ?? row.keyId}`,
        allItemsSelectionLabel: () => 'Select all keys',
      }}
      renderAriaLive={({ firstIndex, lastIndex, totalItemsCount }) =>
        `Showing keys ${firstIndex} to ${lastIndex} of ${totalItemsCount ?? rows.length}`
      }
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${count})`}
          description={props.status}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                iconName="refresh"
                ariaLabel="Refresh keys"
                loading={props.refreshing}
                onClick={props.onRefresh}
              />
              <KeyActions
                metadata={selected?.metadata}
                name={selected ? (selected.aliases[0] ?? selected.keyId) : ''}
              />
              <Button variant="primary" onClick={props.onCreate}>
                Create key
              </Button>
            </SpaceBetween>
          }
        >
          Keys
        </Header>
      }
      filter={
        <SpaceBetween direction="horizontal" size="s" alignItems="center">
          <div style={{ minWidth: 320 }}>
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find keys by alias, ID, ARN, description or tag"
              filteringAriaLabel="Filter keys"
              filteringClearAriaLabel="Clear filter"
              countText={plural(filteredItemsCount ?? 0, 'match', 'matches')}
            />
          </div>
          <SegmentedControl
            label="Key manager"
            selectedId={manager}
            onChange={({ detail }) => {
              setManager(detail.selectedId as KeyManagerFilter);
              actions.setCurrentPage(1);
            }}
            options={MANAGER_OPTIONS}
          />
        </SpaceBetween>
      }
      pagination={
        <Pagination
          {...paginationProps}
          ariaLabels={{
            nextPageLabel: 'Next page',
            previousPageLabel: 'Previous page',
            pageLabel: (page) => `Page ${page}`,
          }}
        />
      }
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Confirm"
          cancelLabel="Cancel"
          preferences={preferences}
          onConfirm={({ detail }) => {
            setPreferences(detail);
            localStorage.setItem(PREFERENCES_KEY, JSON.stringify(detail));
          }}
          pageSizePreference={{
            title: 'Page size',
            options: [
              { value: 10, label: '10 keys' },
              { value: 20, label: '20 keys' },
              { value: 50, label: '50 keys' },
              { value: 100, label: '100 keys' },
            ],
          }}
          wrapLinesPreference={{
            label: 'Wrap lines',
            description: 'Show long values on several lines',
          }}
          stripedRowsPreference={{ label: 'Striped rows' }}
          contentDisplayPreference={{
            title: 'Columns',
            options: columns.map((column) => ({
              id: column.id ?? '',
              label: String(column.header),
              alwaysVisible: column.id === 'keyId',
            })),
          }}
        />
      }
    />
  );
});
