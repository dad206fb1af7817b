import type { AliasListEntry } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import { useState } from 'react';
import { useUpdateAlias } from '../../../kms/api/update-alias';
import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ResolvedKey } from '../../../ui/CreateAliasModal';
import { KeyInput } from '../../../ui/KeyInput';
import { useNotify } from '../../../ui/notifications';

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
