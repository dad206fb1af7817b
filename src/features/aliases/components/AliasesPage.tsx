import type { AliasListEntry } from '@aws-sdk/client-kms';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useAliases } from '../../../kms/api/list-aliases';
import { CreateAliasModal } from '../../../ui/CreateAliasModal';
import { describeError, isAccessDenied } from '../../../kms/errors';
import { isAwsManagedAlias } from '../../../kms/key-reference';
import { DeleteAliasModal } from '../../../ui/DeleteAliasModal';
import { AccessDeniedDetails, ErrorAlert } from '../../../ui/ErrorAlert';
import { formatCount, formatDateTime, plural } from '../../../ui/format';
import { KeyLookup } from '../../../ui/KeyLookup';
import { useFollow } from '../../../ui/navigation';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { ThrottleNotice } from '../../../ui/ThrottleNotice';
import { RetargetAliasModal } from './RetargetAliasModal';

/** Alias name, alias ARN and target key id, lower-cased, for the filter. */
export function aliasMatches(alias: AliasListEntry, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [alias.AliasName, alias.AliasArn, alias.TargetKeyId].some((field) =>
    field?.toLowerCase().includes(needle),
  );
}

const byName = (a: AliasListEntry, b: AliasListEntry) =>
  (a.AliasName ?? '').localeCompare(b.AliasName ?? '');

export default function AliasesPage() {
  useBreadcrumbs([{ text: 'Aliases', href: '/aliases' }]);
  const aliases = useAliases();
  const follow = useFollow();
  const [dialog, setDialog] = useState<'create' | 'retarget' | 'delete'>();
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } =
    useCollection(aliases.data ?? [], {
      filtering: {
        filteringFunction: aliasMatches,
        empty: (
          <Box textAlign="center" color="inherit">
            <Box variant="strong">No aliases</Box>
          </Box>
        ),
        noMatch: (
          <Box textAlign="center" color="inherit">
            <Box variant="strong">No matching aliases</Box>
          </Box>
        ),
      },
      sorting: {
        defaultState: { sortingColumn: { sortingField: 'AliasName', sortingComparator: byName } },
      },
      pagination: { pageSize: 25 },
      selection: { trackBy: 'AliasName' },
    });

  if (aliases.isError && isAccessDenied(aliases.error)) {
    const error = describeError(aliases.error);
    return (
      <SpaceBetween size="l">
        <Alert type="warning" header="You may not list aliases (kms:ListAliases was denied)">
          <AccessDeniedDetails error={error} />
          Listing aliases needs kms:ListAliases in an IAM policy of your user or role. You can still
          use any alias you know by its name.
        </Alert>
        <KeyLookup />
      </SpaceBetween>
    );
  }

  const selected = collectionProps.selectedItems?.[0];
  const editable = selected !== undefined && !isAwsManagedAlias(selected.AliasName ?? '');
  const total = aliases.data?.length ?? 0;
  return (
    <>
      <Table<AliasListEntry>
        {...collectionProps}
        items={items}
        variant="full-page"
        stickyHeader
        selectionType="single"
        trackBy="AliasName"
        loading={aliases.isPending}
        loadingText="Loading aliases"
        enableKeyboardNavigation
        resizableColumns
        ariaLabels={{
          tableLabel: 'Aliases',
          selectionGroupLabel: 'Alias selection',
          itemSelectionLabel: (_, alias) => `Select ${alias.AliasName}`,
          allItemsSelectionLabel: () => 'Select all aliases',
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={
              filterProps.filteringText
                ? `(${formatCount(filteredItemsCount ?? 0)}/${formatCount(total)})`
                : `(${formatCount(total)})`
            }
            description={
              <SpaceBetween size="xxs">
                <span>
                  Friendly names for keys. Point an alias at a new key to rotate applications to it.
                </span>
                <ThrottleNotice />
              </SpaceBetween>
            }
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh aliases"
                  loading={aliases.isFetching && !aliases.isPending}
                  onClick={() => void aliases.refetch()}
                />
                <Button
                  disabled={!editable}
                  disabledReason={selected ? 'AWS manages this alias' : undefined}
                  onClick={() => setDialog('delete')}
                >
                  Delete
                </Button>
                <Button
                  disabled={!editable}
                  disabledReason={selected ? 'AWS manages this alias' : undefined}
                  onClick={() => setDialog('retarget')}
                >
                  Change target key
                </Button>
                <Button variant="primary" onClick={() => setDialog('create')}>
                  Create alias
                </Button>
              </SpaceBetween>
            }
          >
            Aliases
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find aliases by name, ARN or target key ID"
            filteringAriaLabel="Filter aliases"
            filteringClearAriaLabel="Clear filter"
            countText={plural(filteredItemsCount ?? 0, 'match', 'matches')}
          />
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
        empty={
          aliases.isError ? (
            <ErrorAlert
              error={aliases.error}
              header="Aliases could not be listed"
              action={<Button onClick={() => void aliases.refetch()}>Retry</Button>}
            />
          ) : (
            collectionProps.empty
          )
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Alias name',
            cell: (alias) => alias.AliasName,
            sortingField: 'AliasName',
            sortingComparator: byName,
            isRowHeader: true,
          },
          {
            id: 'target',
            header: 'Target key ID',
            cell: (alias) =>
              alias.TargetKeyId ? (
                <Link href={`/keys/${alias.TargetKeyId}`} onFollow={follow}>
                  {alias.TargetKeyId}
                </Link>
              ) : (
                '—'
              ),
            sortingField: 'TargetKeyId',
          },
          { id: 'arn', header: 'Alias ARN', cell: (alias) => alias.AliasArn ?? '—' },
          {
            id: 'created',
            header: 'Creation date',
            cell: (alias) => formatDateTime(alias.CreationDate),
            sortingComparator: (a, b) =>
              (a.CreationDate?.getTime() ?? 0) - (b.CreationDate?.getTime() ?? 0),
          },
          {
            id: 'updated',
            header: 'Last updated',
            cell: (alias) => formatDateTime(alias.LastUpdatedDate),
            sortingComparator: (a, b) =>
              (a.LastUpdatedDate?.getTime() ?? 0) - (b.LastUpdatedDate?.getTime() ?? 0),
          },
        ]}
      />
      {dialog === 'create' ? <CreateAliasModal onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'retarget' && selected ? (
        <RetargetAliasModal alias={selected} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'delete' && selected?.AliasName ? (
        <DeleteAliasModal
          aliasName={selected.AliasName}
          keyId={selected.TargetKeyId}
          onClose={() => {
            setDialog(undefined);
            actions.setSelectedItems([]);
          }}
        />
      ) : null}
    </>
  );
}
