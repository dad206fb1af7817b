import type { AliasListEntry } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useCreateAlias } from '../../../kms/api/create-alias';
import { isAwsManagedAlias, validateAliasName } from '../../../kms/key-reference';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { DeleteAliasModal } from '../../../ui/DeleteAliasModal';
import { useNotify } from '../../../ui/notifications';
import { useKeyAliases } from '../api/list-key-aliases';
import { ActionModal } from '../../../ui/ActionModal';

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

function CreateAliasModal({ keyId, onClose }: { keyId: string; onClose(): void }) {
  const [name, setName] = useState('alias/');
  const [touched, setTouched] = useState(false);
  const create = useCreateAlias();
  const notify = useNotify();
  const problem = validateAliasName(name.trim());
  const submit = () => {
    setTouched(true);
    if (problem) return;
    create.mutate(
      { aliasName: name.trim(), targetKey: keyId },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Created ${name.trim()}` });
          onClose();
        },
      },
    );
  };
  return (
    <ActionModal
      header="Create alias"
      actionLabel="Create alias"
      busy={create.isPending}
      onAction={submit}
      onClose={onClose}
      form
    >
      <FormField
        label="Alias name"
        description="Starts with alias/. Letters, digits, / _ - only; alias/aws/ is reserved."
        errorText={touched ? problem : undefined}
      >
        <Input value={name} onChange={({ detail }) => setName(detail.value)} spellcheck={false} />
      </FormField>
      {create.isError ? (
        <ErrorAlert error={create.error} header="The alias was not created" />
      ) : null}
    </ActionModal>
  );
}
