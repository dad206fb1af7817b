import type { AliasListEntry } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useCreateAlias } from '../../../kms/api/create-alias';
import { useKeyLookup } from '../../../kms/api/describe-key';
import { useUpdateAlias } from '../../../kms/api/update-alias';
import { describeError } from '../../../kms/errors';
import { isKeyReference, parseKeyReference, validateAliasName } from '../../../kms/key-reference';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { KeyInput } from '../../../ui/KeyInput';
import { useNotify } from '../../../ui/notifications';

/** Shows which key a typed reference resolves to (spec, usage, state), or why it does not. */
function ResolvedKey({ keyRef }: { keyRef: string }) {
  const lookup = useKeyLookup(keyRef);
  if (!isKeyReference(parseKeyReference(keyRef))) return null;
  if (lookup.loading) return <StatusIndicator type="loading">Looking up the key</StatusIndicator>;
  if (lookup.query.isError) {
    const error = describeError(lookup.query.error);
    return <StatusIndicator type="warning">{`${error.title}: ${error.message}`}</StatusIndicator>;
  }
  const key = lookup.metadata;
  if (!key) return null;
  return (
    <StatusIndicator type={key.KeyState === 'Enabled' ? 'success' : 'warning'}>
      {`${key.KeyId} · ${key.KeySpec} · ${key.KeyUsage} · ${key.KeyState}`}
    </StatusIndicator>
  );
}

export function CreateAliasModal({ onClose }: { onClose(): void }) {
  const [name, setName] = useState('alias/');
  const [target, setTarget] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateAlias();
  const notify = useNotify();
  const nameProblem = validateAliasName(name.trim());
  const parsedTarget = parseKeyReference(target);
  const targetProblem = isKeyReference(parsedTarget) ? undefined : parsedTarget.error;
  const submit = () => {
    setTouched(true);
    if (nameProblem || targetProblem) return;
    create.mutate(
      { aliasName: name.trim(), targetKey: target.trim() },
      {
        onSuccess: ({ target: key }) => {
          notify({ type: 'success', header: `Created ${name.trim()} → ${key.KeyId}` });
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
        errorText={touched ? nameProblem : undefined}
      >
        <Input value={name} onChange={({ detail }) => setName(detail.value)} spellcheck={false} />
      </FormField>
      <FormField
        label="Target key"
        description="Key ID, key ARN, alias name or alias ARN of a customer managed key."
        errorText={touched ? targetProblem : undefined}
      >
        <KeyInput value={target} onChange={setTarget} />
      </FormField>
      <ResolvedKey keyRef={target} />
      {create.isError ? (
        <ErrorAlert error={create.error} header="The alias was not created" />
      ) : null}
    </ActionModal>
  );
}

/**
 * Points an existing alias at another key: the rotation walk-through's step ("point
 * alias/my-key at a new key"). KMS requires the same key type and usage.
 */
export function RetargetAliasModal({ alias, onClose }: { alias: AliasListEntry; onClose(): void }) {
  const [target, setTarget] = useState('');
  const [touched, setTouched] = useState(false);
  const update = useUpdateAlias();
  const notify = useNotify();
  const aliasName = alias.AliasName ?? '';
  const parsedTarget = parseKeyReference(target);
  const targetProblem = isKeyReference(parsedTarget) ? undefined : parsedTarget.error;
  const submit = () => {
    setTouched(true);
    if (targetProblem) return;
    update.mutate(
      { aliasName, targetKey: target.trim(), previousKeyId: alias.TargetKeyId },
      {
        onSuccess: ({ target: key }) => {
          notify({
            type: 'success',
            header: `${aliasName} now points at ${key.KeyId}`,
            content:
              'New encryptions under the alias use the new key; ciphertexts of the old key still decrypt with it.',
          });
          onClose();
        },
      },
    );
  };
  return (
    <ActionModal
      header={`Change target key of ${aliasName}`}
      actionLabel="Change target key"
      busy={update.isPending}
      onAction={submit}
      onClose={onClose}
      form
    >
      <FormField label="Current target key">
        <Box variant="code">{alias.TargetKeyId ?? '—'}</Box>
      </FormField>
      <FormField
        label="New target key"
        description="Same key type and key usage as the current key. Key ID, key ARN, alias name or alias ARN."
        errorText={touched ? targetProblem : undefined}
      >
        <KeyInput value={target} onChange={setTarget} />
      </FormField>
      <ResolvedKey keyRef={target} />
      {update.isError ? (
        <ErrorAlert error={update.error} header="The alias was not changed" />
      ) : null}
    </ActionModal>
  );
}
