import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import { memo, useMemo } from 'react';
import { ROW_COMPARATORS, type KeyRow } from '../../../kms/catalog/rows';
import { describeError } from '../../../kms/errors';
import { BreakableText } from '../../../ui/BreakableText';
import { formatDateTime } from '../../../ui/format';
import type { useFollow } from '../../../ui/navigation';
import { KeyStatus } from './KeyStatus';
import { KEY_USAGE_TEXT } from './key-facts';
import { RotationCell } from './RotationCell';

/*
 * The keys table's columns: what each shows, how it sorts, how wide it opens. The default columns
 * fit side by side at 1400 px with the navigation open; long values wrap between words (key ids
 * and key specs at their - and _), never out of sight.
 */

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
      <BreakableText text={row.keyId} />
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

export function useKeyColumns(follow: Follow) {
  return useMemo<TableProps.ColumnDefinition<KeyRow>[]>(
    () => [
      {
        id: 'aliases',
        header: 'Aliases',
        cell: (row) => <AliasCell row={row} follow={follow} />,
        sortingComparator: ROW_COMPARATORS.aliases,
        isRowHeader: true,
        width: 150,
      },
      {
        id: 'keyId',
        header: 'Key ID',
        cell: (row) => <KeyIdCell row={row} follow={follow} />,
        sortingComparator: ROW_COMPARATORS.keyId,
        width: 160,
      },
      {
        id: 'status',
        header: 'Status',
        cell: (row) => <StatusCell row={row} />,
        sortingComparator: ROW_COMPARATORS.status,
        width: 125,
      },
      {
        id: 'keySpec',
        header: 'Key spec',
        cell: (row) =>
          row.metadata?.KeySpec ? <BreakableText text={row.metadata.KeySpec} /> : loading,
        sortingComparator: ROW_COMPARATORS.keySpec,
        width: 135,
      },
      {
        id: 'keyUsage',
        header: 'Key usage',
        cell: (row) =>
          row.metadata?.KeyUsage
            ? (KEY_USAGE_TEXT[row.metadata.KeyUsage] ?? row.metadata.KeyUsage)
            : loading,
        sortingComparator: ROW_COMPARATORS.keyUsage,
        width: 115,
      },
      {
        id: 'creationDate',
        header: 'Creation date',
        cell: (row) => (row.metadata ? formatDateTime(row.metadata.CreationDate) : loading),
        sortingComparator: ROW_COMPARATORS.creationDate,
        width: 130,
      },
      {
        id: 'rotation',
        header: 'Automatic rotation',
        cell: (row) => <MemoRotationCell row={row} />,
        width: 120,
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
