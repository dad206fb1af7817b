import type { GrantListEntry, GrantOperation, KeyMetadata } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/notifications';
import { useGrants } from '../../../kms/api/list-grants';
import { useCreateGrant, useRevokeGrant } from '../api/key-changes';
import { describeConstraints, grantOperationsFor, parseContextShorthand } from '../lib/grants';
import { ActionModal } from '../../../ui/ActionModal';

export function GrantsTab({ metadata, editable }: { metadata: KeyMetadata; editable: boolean }) {
  const keyId = metadata.KeyId ?? '';
  const grants = useGrants(keyId);
  const [selected, setSelected] = useState<GrantListEntry[]>([]);
  const [dialog, setDialog] = useState<'create' | 'revoke'>();
  const target = selected[0];
  return (
    <>
      <Table
        variant="container"
        items={grants.data ?? []}
        loading={grants.isPending}
        loadingText="Loading grants"
        selectionType={editable ? 'single' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="GrantId"
        wrapLines
        ariaLabels={{
          tableLabel: 'Grants',
          selectionGroupLabel: 'Grant selection',
          itemSelectionLabel: (_, grant) => `Select grant ${grant.Name || grant.GrantId}`,
          allItemsSelectionLabel: () => 'Select all grants',
        }}
        header={
          <Header
            variant="h2"
            counter={grants.data ? `(${grants.data.length})` : undefined}
            description="Grants let a principal use this key for the listed operations, without changing the key policy."
            actions={
              editable ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button disabled={!target} onClick={() => setDialog('revoke')}>
                    Revoke
                  </Button>
                  <Button onClick={() => setDialog('create')}>Create grant</Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Grants
          </Header>
        }
        empty={
          grants.isError ? (
            <ErrorAlert error={grants.error} header="Grants could not be listed" />
          ) : (
            <Box textAlign="center" color="inherit">
              No grants.
            </Box>
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (g) => g.Name || '—' },
          { id: 'id', header: 'Grant ID', cell: (g) => g.GrantId, isRowHeader: true },
          { id: 'grantee', header: 'Grantee principal', cell: (g) => g.GranteePrincipal ?? '—' },
          { id: 'operations', header: 'Operations', cell: (g) => (g.Operations ?? []).join(', ') },
          { id: 'retiring', header: 'Retiring principal', cell: (g) => g.RetiringPrincipal ?? '—' },
          {
            id: 'constraints',
            header: 'Constraints',
            cell: (g) => describeConstraints(g.Constraints),
          },
          { id: 'created', header: 'Creation date', cell: (g) => formatDateTime(g.CreationDate) },
        ]}
      />
      {dialog === 'create' ? (
        <CreateGrantModal metadata={metadata} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'revoke' && target?.GrantId ? (
        <RevokeGrantModal
          keyId={keyId}
          grant={target}
          onClose={() => {
            setDialog(undefined);
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}

const PRINCIPAL = /^(arn:aws[\w-]*:(iam|sts)::\d{12}:\S+|\d{12}|[\w.-]+\.amazonaws\.com)$/;

function CreateGrantModal({ metadata, onClose }: { metadata: KeyMetadata; onClose(): void }) {
  const [grantee, setGrantee] = useState('');
  const [retiring, setRetiring] = useState('');
  const [name, setName] = useState('');
  const [operations, setOperations] = useState<MultiselectProps.Options>([]);
  const [constraintKind, setConstraintKind] = useState<'none' | 'subset' | 'equals'>('none');
  const [context, setContext] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateGrant();
  const notify = useNotify();
  const parsedContext = parseContextShorthand(context);
  const problems = {
    grantee: PRINCIPAL.test(grantee.trim())
      ? undefined
      : 'Enter an IAM or STS ARN (arn:aws:iam::111122223333:role/Name).',
    retiring:
      retiring.trim() === '' || PRINCIPAL.test(retiring.trim())
        ? undefined
        : 'Enter an IAM or STS ARN, or leave empty.',
    operations: operations.length > 0 ? undefined : 'Choose at least one operation.',
    context:
      constraintKind === 'none'
        ? undefined
        : 'error' in parsedContext
          ? parsedContext.error
          : Object.keys(parsedContext).length === 0
            ? 'Enter at least one key=value pair.'
            : undefined,
  };
  const valid = Object.values(problems).every((p) => p === undefined);
  const submit = () => {
    setTouched(true);
    if (!valid || 'error' in parsedContext) return;
    create.mutate(
      {
        KeyId: metadata.KeyId,
        GranteePrincipal: grantee.trim(),
        RetiringPrincipal: retiring.trim() || undefined,
        Name: name.trim() || undefined,
        Operations: operations.map((o) => o.value as GrantOperation),
        Constraints:
          constraintKind === 'subset'
            ? { EncryptionContextSubset: parsedContext }
            : constraintKind === 'equals'
              ? { EncryptionContextEquals: parsedContext }
              : undefined,
      },
      {
        onSuccess: ({ GrantId }) => {
          notify({ type: 'success', header: `Created grant ${GrantId ?? ''}` });
          onClose();
        },
      },
    );
  };
  const show = (problem: string | undefined) => (touched ? problem : undefined);
  return (
    <ActionModal
      header="Create grant"
      size="medium"
      actionLabel="Create grant"
      busy={create.isPending}
      onAction={submit}
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <FormField label="Grantee principal" errorText={show(problems.grantee)}>
          <Input
            value={grantee}
            onChange={({ detail }) => setGrantee(detail.value)}
            placeholder="arn:aws:iam::111122223333:role/ExampleRole"
            spellcheck={false}
          />
        </FormField>
        <FormField label="Operations" errorText={show(problems.operations)}>
          <Multiselect
            selectedOptions={operations}
            onChange={({ detail }) => setOperations(detail.selectedOptions)}
            options={grantOperationsFor(metadata).map((op) => ({ value: op, label: op }))}
            placeholder="Choose operations"
          />
        </FormField>
        <FormField
          label="Retiring principal"
          constraintText="Optional."
          errorText={show(problems.retiring)}
        >
          <Input
            value={retiring}
            onChange={({ detail }) => setRetiring(detail.value)}
            spellcheck={false}
          />
        </FormField>
        <FormField label="Grant name" constraintText="Optional.">
          <Input value={name} onChange={({ detail }) => setName(detail.value)} />
        </FormField>
        <FormField label="Encryption context constraint">
          <RadioGroup
            value={constraintKind}
            onChange={({ detail }) => setConstraintKind(detail.value as typeof constraintKind)}
            items={[
              { value: 'none', label: 'None' },
              { value: 'subset', label: 'Context includes these pairs' },
              { value: 'equals', label: 'Context equals exactly these pairs' },
            ]}
          />
        </FormField>
        {constraintKind !== 'none' ? (
          <FormField
            label="Encryption context"
            description="key=value pairs separated by commas."
            errorText={show(problems.context)}
          >
            <Input
              value={context}
              onChange={({ detail }) => setContext(detail.value)}
              placeholder="department=finance"
              spellcheck={false}
            />
          </FormField>
        ) : null}
        {create.isError ? (
          <ErrorAlert error={create.error} header="The grant was not created" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}

function RevokeGrantModal({
  keyId,
  grant,
  onClose,
}: {
  keyId: string;
  grant: GrantListEntry;
  onClose(): void;
}) {
  const revoke = useRevokeGrant();
  const notify = useNotify();
  return (
    <ActionModal
      header="Revoke grant"
      actionLabel="Revoke"
      busy={revoke.isPending}
      onAction={() =>
        revoke.mutate(
          { KeyId: keyId, GrantId: grant.GrantId },
          {
            onSuccess: () => {
              notify({ type: 'success', header: 'Grant revoked' });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Revoke grant <Box variant="strong">{grant.Name || grant.GrantId}</Box>? The grantee{' '}
          {grant.GranteePrincipal} immediately loses the operations it allowed.
        </Box>
        {revoke.isError ? (
          <ErrorAlert error={revoke.error} header="The grant was not revoked" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
