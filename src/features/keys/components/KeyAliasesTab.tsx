import type { AliasListEntry } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { isAwsManagedAlias } from '../../../kms/key-reference';
import { CreateAliasModal } from '../../../ui/CreateAliasModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { DeleteAliasModal } from '../../../ui/DeleteAliasModal';
import { useKeyAliases } from '../api/list-key-aliases';

/** The key's aliases (ListAliases with KeyId): create and delete. */
export function KeyAliasesTab({ keyId, editable }: { keyId: string; editable: boolean }) {
  const aliases = useKeyAliases(keyId);
  const [selected, setSelected] = useState<AliasListEntry[]>([]);
  const [dialog, setDialog] = useState<'create' | 'delete'>();
  const target = selected[0];
  return (
    <>
      <Table
        variant="container"
        items={aliases.data ?? []}
        loading={aliases.isPending}
        loadingText="Loading aliases"
        selectionType={editable ? 'single' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="AliasName"
        ariaLabels={{
          tableLabel: 'Aliases of this key',
          selectionGroupLabel: 'Alias selection',
          itemSelectionLabel: (_, alias) => `Select ${alias.AliasName}`,
          allItemsSelectionLabel: () => 'Select all aliases',
        }}
        header={
          <Header
            variant="h2"
            counter={aliases.data ? `(${aliases.data.length})` : undefined}
            description="Friendly names for the key; applications can use an alias wherever they take a key."
            actions={
              editable ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    disabled={!target || isAwsManagedAlias(target.AliasName ?? '')}
                    onClick={() => setDialog('delete')}
                  >
                    Delete alias
                  </Button>
                  <Button onClick={() => setDialog('create')}>Create alias</Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Aliases
          </Header>
        }
        empty={
          aliases.isError ? (
            <ErrorAlert error={aliases.error} header="Aliases could not be listed" />
          ) : (
            <Box textAlign="center" color="inherit">
              This key has no aliases.
            </Box>
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Alias name', cell: (a) => a.AliasName, isRowHeader: true },
          { id: 'arn', header: 'Alias ARN', cell: (a) => a.AliasArn ?? '—' },
          { id: 'created', header: 'Creation date', cell: (a) => formatDateTime(a.CreationDate) },
        ]}
      />
      {dialog === 'create' ? (
        <CreateAliasModal keyId={keyId} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'delete' && target?.AliasName ? (
        <DeleteAliasModal
          aliasName={target.AliasName}
          keyId={keyId}
          onClose={() => {
            setDialog(undefined);
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}
