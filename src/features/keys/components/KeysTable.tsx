import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
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
import { formatCount, plural } from '../../../ui/format';
import { useFollow } from '../../../ui/navigation';
import { KeyActions } from './KeyActions';
import { useKeyColumns } from './keys-table-columns';
import { KeysTablePreferences, useKeysTablePreferences } from './KeysTablePreferences';

const MANAGER_OPTIONS = [
  { id: 'all', text: 'All keys' },
  { id: 'CUSTOMER', text: 'Customer managed' },
  { id: 'AWS', text: 'AWS managed' },
];

/** A row filter that tokenizes the filter text once, not once per row; each table has its own. */
function createRowFilter(): (row: KeyRow, text: string) => boolean {
  let last = { text: '', tokens: [] as string[] };
  return (row, text) => {
    if (text !== last.text) last = { text, tokens: filterTokens(text) };
    return matchesTokens(row, last.tokens);
  };
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
  const columns = useKeyColumns(follow);
  const [preferences, setPreferences] = useKeysTablePreferences();
  const [filterRow] = useState(createRowFilter);
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
        <KeysTablePreferences
          preferences={preferences}
          onConfirm={setPreferences}
          columns={columns}
        />
      }
    />
  );
});
