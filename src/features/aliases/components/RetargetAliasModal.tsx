import type { AliasListEntry } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import { useMemo, useState } from 'react';
import { useDescribeKey } from '../../../kms/api/describe-key';
import { useKeyCatalog } from '../../../kms/api/key-catalog';
import { buildRows, type RowCache } from '../../../kms/catalog/rows';
import { useUpdateAlias } from '../../../kms/api/update-alias';
import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ResolvedKey } from '../../../ui/CreateAliasModal';
import { KeyInput, type KeySuggestions } from '../../../ui/KeyInput';
import { useNotify } from '../../../ui/notifications';
import { retargetCandidates } from '../model/retarget-candidates';

/**
 * Every key the alias may move to, from the key catalog: the new key of a rotation usually has no
 * alias yet, so the account's aliases would not offer it.
 */
function useRetargetSuggestions(currentKeyId: string | undefined): KeySuggestions {
  const current = useDescribeKey(currentKeyId ?? '');
  const catalog = useKeyCatalog();
  const [cache] = useState<RowCache>(() => new Map());
  const options = useMemo(() => {
    if (!current.data || !catalog.data) return [];
    return retargetCandidates(buildRows(catalog.data, cache), current.data).map((row) => ({
      value: row.keyId,
      label: row.keyId,
      description: [row.aliases.join(', '), row.metadata?.Description].filter(Boolean).join(' · '),
      tags: [row.metadata?.KeySpec ?? '', row.metadata?.KeyState ?? ''],
    }));
  }, [current.data, catalog.data, cache]);
  const data = catalog.data;
  const listing =
    catalog.isPending ||
    (data !== undefined &&
      (!data.keysComplete ||
        data.keys.some(
          ({ KeyId }) => KeyId && !data.metadata.has(KeyId) && !data.describeErrors.has(KeyId),
        )));
  return {
    options,
    loading: current.isPending || (listing && !catalog.isError),
    loadingText: 'Listing keys of the same type and usage',
    empty:
      current.isError || catalog.isError || data?.listKeysError
        ? 'Keys cannot be listed: type the new key.'
        : 'No other key has the same type and key usage',
  };
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
  const suggestions = useRetargetSuggestions(alias.TargetKeyId);
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
        <KeyInput value={target} onChange={setTarget} suggestions={suggestions} />
      </FormField>
      <ResolvedKey keyRef={target} />
      {update.isError ? (
        <ErrorAlert error={update.error} header="The alias was not changed" />
      ) : null}
    </ActionModal>
  );
}
