import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useCreateAlias } from '../kms/api/create-alias';
import { useKeyLookup } from '../kms/api/describe-key';
import { describeError } from '../kms/errors';
import { isKeyReference, parseKeyReference, validateAliasName } from '../kms/key-reference';
import { ActionModal } from './ActionModal';
import { ErrorAlert } from './ErrorAlert';
import { KeyInput } from './KeyInput';
import { useNotify } from './notifications';

/** Which key a typed reference names (spec, usage, state), or why it names none. */
export function ResolvedKey({ keyRef }: { keyRef: string }) {
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

/**
 * "Create alias": a name for a key. From a key's page the key is given; from the aliases page
 * any key reference is typed, and the key it names is shown before anything is created.
 */
export function CreateAliasModal({ keyId, onClose }: { keyId?: string; onClose(): void }) {
  const [name, setName] = useState('alias/');
  const [typedTarget, setTarget] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateAlias();
  const notify = useNotify();
  const target = keyId ?? typedTarget.trim();
  const nameProblem = validateAliasName(name.trim());
  const parsedTarget = parseKeyReference(target);
  const targetProblem = isKeyReference(parsedTarget) ? undefined : parsedTarget.error;
  const submit = () => {
    setTouched(true);
    if (nameProblem || targetProblem) return;
    create.mutate(
      { aliasName: name.trim(), targetKey: target },
      {
        onSuccess: ({ target: key }) => {
          notify({
            type: 'success',
            header: keyId ? `Created ${name.trim()}` : `Created ${name.trim()} → ${key.KeyId}`,
          });
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
      {keyId ? null : (
        <>
          <FormField
            label="Target key"
            description="Key ID, key ARN, alias name or alias ARN of a customer managed key."
            errorText={touched ? targetProblem : undefined}
          >
            <KeyInput value={typedTarget} onChange={setTarget} />
          </FormField>
          <ResolvedKey keyRef={typedTarget} />
        </>
      )}
      {create.isError ? (
        <ErrorAlert error={create.error} header="The alias was not created" />
      ) : null}
    </ActionModal>
  );
}
