import type { Tag } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNotify } from '../../../ui/notifications';
import { useTags } from '../api/list-resource-tags';
import { useTagResource, useUntagResource } from '../api/key-changes';
import { ActionModal } from '../../../ui/ActionModal';

/** Tag rules KMS enforces (TagException otherwise). */
export function validateTag(key: string, value: string): string | undefined {
  if (key.length < 1 || key.length > 128) return 'Tag keys are 1 to 128 characters.';
  if (value.length > 256) return 'Tag values are at most 256 characters.';
  if (key.toLowerCase().startsWith('aws:')) return 'Tag keys starting with aws: are reserved.';
  return undefined;
}

export function TagsTab({ keyId, editable }: { keyId: string; editable: boolean }) {
  const tags = useTags(keyId);
  const [selected, setSelected] = useState<Tag[]>([]);
  const [adding, setAdding] = useState(false);
  const untag = useUntagResource();
  const notify = useNotify();
  const remove = () =>
    untag.mutate(
      { KeyId: keyId, TagKeys: selected.map((tag) => tag.TagKey ?? '') },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Removed ${selected.length === 1 ? 'tag' : 'tags'}` });
          setSelected([]);
        },
      },
    );
  return (
    <SpaceBetween size="m">
      {untag.isError ? <ErrorAlert error={untag.error} header="Tags were not removed" /> : null}
      <Table
        variant="container"
        items={tags.data ?? []}
        loading={tags.isPending}
        loadingText="Loading tags"
        selectionType={editable ? 'multi' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="TagKey"
        ariaLabels={{
          tableLabel: 'Tags',
          selectionGroupLabel: 'Tag selection',
          itemSelectionLabel: (_, tag) => `Select tag ${tag.TagKey}`,
          allItemsSelectionLabel: () => 'Select all tags',
        }}
        header={
          <Header
            variant="h2"
            counter={tags.data ? `(${tags.data.length})` : undefined}
            actions={
              editable ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    disabled={selected.length === 0}
                    loading={untag.isPending}
                    onClick={remove}
                  >
                    Remove
                  </Button>
                  <Button onClick={() => setAdding(true)}>Add tag</Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Tags
          </Header>
        }
        empty={
          tags.isError ? (
            <ErrorAlert error={tags.error} header="Tags could not be listed" />
          ) : (
            <Box textAlign="center" color="inherit">
              No tags.
            </Box>
          )
        }
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (t) => t.TagKey, isRowHeader: true },
          { id: 'value', header: 'Value', cell: (t) => t.TagValue || '—' },
        ]}
      />
      {adding ? <AddTagModal keyId={keyId} onClose={() => setAdding(false)} /> : null}
    </SpaceBetween>
  );
}

function AddTagModal({ keyId, onClose }: { keyId: string; onClose(): void }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const tag = useTagResource();
  const problem = validateTag(key.trim(), value);
  const submit = () => {
    setTouched(true);
    if (problem) return;
    tag.mutate(
      { KeyId: keyId, Tags: [{ TagKey: key.trim(), TagValue: value }] },
      { onSuccess: onClose },
    );
  };
  return (
    <ActionModal
      header="Add tag"
      actionLabel="Add tag"
      busy={tag.isPending}
      onAction={submit}
      onClose={onClose}
      form
    >
      <FormField label="Tag key" errorText={touched ? problem : undefined}>
        <Input value={key} onChange={({ detail }) => setKey(detail.value)} />
      </FormField>
      <FormField label="Tag value" constraintText="Optional. An existing key gets the new value.">
        <Input value={value} onChange={({ detail }) => setValue(detail.value)} />
      </FormField>
      {tag.isError ? <ErrorAlert error={tag.error} header="The tag was not added" /> : null}
    </ActionModal>
  );
}
