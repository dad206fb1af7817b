import type { KeyMetadata, RotationsListEntry } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/notifications';
import { useKeyMaterials } from '../api/list-key-materials';
import { useDeleteImportedKeyMaterial } from '../api/key-changes';
import { isCustomerManaged } from './key-facts';
import { ImportKeyMaterialPanel } from './ImportKeyMaterialPanel';
import { KeyStatus } from './KeyStatus';
import { RotateKeyModal } from './RotateKeyModal';

const EXPIRATION_TEXT: Record<string, string> = {
  KEY_MATERIAL_EXPIRES: 'Key material expires',
  KEY_MATERIAL_DOES_NOT_EXPIRE: 'Key material does not expire',
};

type Dialog =
  | { kind: 'import'; reimport?: RotationsListEntry }
  | { kind: 'delete'; material?: RotationsListEntry }
  | { kind: 'rotate'; material: RotationsListEntry };

/**
 * The key material of a key with imported material (Origin EXTERNAL): its state and expiry,
 * importing (the first material, the same material again, or new material for a rotation),
 * deleting, and rotating to pending material. Symmetric keys list every key material
 * (ListKeyRotations ALL_KEY_MATERIAL) with AWS's ImportState and KeyMaterialState.
 */
export function KeyMaterialTab({ metadata }: { metadata: KeyMetadata }) {
  const keyId = metadata.KeyId ?? '';
  const symmetric = metadata.KeySpec === 'SYMMETRIC_DEFAULT';
  const customer = isCustomerManaged(metadata);
  const materials = useKeyMaterials(keyId, { enabled: symmetric });
  const [selected, setSelected] = useState<RotationsListEntry>();
  const [dialog, setDialog] = useState<Dialog>();
  const pendingDeletion = metadata.KeyState === 'PendingDeletion';
  const pending = materials.data?.find((m) => m.KeyMaterialState === 'PENDING_ROTATION');
  // Asymmetric and HMAC keys have one material; the key state says whether it is imported.
  const hasMaterial = symmetric
    ? (materials.data?.length ?? 0) > 0
    : metadata.ExpirationModel !== undefined || metadata.KeyState !== 'PendingImport';
  const chosen =
    selected && materials.data?.some((m) => m.KeyMaterialId === selected.KeyMaterialId)
      ? selected
      : undefined;
  // What "Import key material" restores: the selected missing material or, when exactly one
  // permanently associated material is missing, that one (after a delete or an expiry).
  const missing = materials.data?.filter(
    (m) => m.ImportState === 'PENDING_IMPORT' && m.KeyMaterialState !== 'PENDING_ROTATION',
  );
  const reimportTarget =
    chosen?.ImportState === 'PENDING_IMPORT'
      ? chosen
      : metadata.KeyState === 'PendingImport' && missing?.length === 1
        ? missing[0]
        : undefined;

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="You generated this key material and imported it; KMS cannot create or export it. Keep a copy outside AWS: KMS deletes it when it expires or when you delete it, and only the same material can be imported again."
            actions={
              customer ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    onClick={() => setDialog({ kind: 'delete', material: chosen })}
                    disabled={pendingDeletion || !hasMaterial}
                    disabledReason={
                      pendingDeletion ? 'The key is pending deletion' : 'No key material to delete'
                    }
                  >
                    Delete key material
                  </Button>
                  {symmetric ? (
                    <Button
                      onClick={() => pending && setDialog({ kind: 'rotate', material: pending })}
                      disabled={!pending || metadata.KeyState !== 'Enabled'}
                      disabledReason={
                        pending
                          ? 'Only enabled keys can be rotated'
                          : 'Import new key material first: it waits in PENDING_ROTATION'
                      }
                    >
                      Rotate now
                    </Button>
                  ) : null}
                  <Button
                    variant="primary"
                    onClick={() => setDialog({ kind: 'import', reimport: reimportTarget })}
                    disabled={pendingDeletion}
                    disabledReason="The key is pending deletion"
                  >
                    Import key material
                  </Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Key material
          </Header>
        }
      >
        <SpaceBetween size="m">
          {metadata.KeyState === 'PendingImport' ? (
            <Alert type="info" header="This key is pending import">
              {!symmetric
                ? 'It has no key material now. Import its key material to use it: the same material, if it had some before.'
                : hasMaterial
                  ? 'Key material of this key was deleted or expired. Import the same key material again to use the key.'
                  : 'It has no key material yet. Import key material to use it.'}
            </Alert>
          ) : null}
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Key material origin', value: 'External (Import key material)' },
              { label: 'Key state', value: <KeyStatus state={metadata.KeyState} /> },
              {
                label: 'Expiration',
                value: metadata.ExpirationModel
                  ? (EXPIRATION_TEXT[metadata.ExpirationModel] ?? metadata.ExpirationModel)
                  : '—',
              },
              { label: 'Expiration date (ValidTo)', value: formatDateTime(metadata.ValidTo) },
              ...(symmetric
                ? [
                    {
                      label: 'Current key material ID',
                      value: metadata.CurrentKeyMaterialId ?? '—',
                    },
                  ]
                : []),
            ]}
          />
        </SpaceBetween>
      </Container>

      {dialog?.kind === 'import' ? (
        <ImportKeyMaterialPanel
          metadata={metadata}
          hasMaterial={hasMaterial}
          reimport={dialog.reimport}
          onClose={() => setDialog(undefined)}
        />
      ) : null}

      {symmetric ? (
        <Table
          header={
            <Header
              variant="h2"
              counter={materials.data ? `(${materials.data.length})` : undefined}
              description="Select key material to reimport or delete it; without a selection, Delete acts on the current key material."
            >
              Key materials
            </Header>
          }
          items={materials.data ?? []}
          loading={materials.isPending}
          loadingText="Loading key materials"
          variant="container"
          selectionType="single"
          selectedItems={chosen ? [chosen] : []}
          onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0])}
          trackBy={(m) => m.KeyMaterialId ?? ''}
          ariaLabels={{
            tableLabel: 'Key materials',
            itemSelectionLabel: (_, m) => m.KeyMaterialId ?? '',
            allItemsSelectionLabel: () => 'all',
            selectionGroupLabel: 'Key material selection',
          }}
          empty={
            materials.isError ? (
              <ErrorAlert error={materials.error} header="Key materials could not be listed" />
            ) : (
              <Box textAlign="center" color="inherit">
                No key material has been imported.
              </Box>
            )
          }
          columnDefinitions={[
            { id: 'id', header: 'KeyMaterialId', cell: (m) => m.KeyMaterialId ?? '—' },
            {
              id: 'description',
              header: 'KeyMaterialDescription',
              cell: (m) => m.KeyMaterialDescription ?? '—',
            },
            {
              id: 'import-state',
              header: 'ImportState',
              cell: (m) => (
                <StatusIndicator type={m.ImportState === 'IMPORTED' ? 'success' : 'pending'}>
                  {m.ImportState ?? '—'}
                </StatusIndicator>
              ),
            },
            { id: 'state', header: 'KeyMaterialState', cell: (m) => m.KeyMaterialState ?? '—' },
            { id: 'model', header: 'ExpirationModel', cell: (m) => m.ExpirationModel ?? '—' },
            { id: 'valid-to', header: 'ValidTo', cell: (m) => formatDateTime(m.ValidTo) },
            {
              id: 'rotation',
              header: 'RotationDate',
              cell: (m) => (m.RotationDate ? formatDateTime(m.RotationDate) : '—'),
            },
          ]}
        />
      ) : null}

      {dialog?.kind === 'delete' ? (
        <DeleteKeyMaterialModal
          keyId={keyId}
          material={dialog.material}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <RotateKeyModal
          keyId={keyId}
          header="Rotate to the imported key material"
          actionLabel="Rotate key"
          onClose={() => setDialog(undefined)}
        >
          Key material <Box variant="code">{dialog.material.KeyMaterialId}</Box>
          {dialog.material.KeyMaterialDescription
            ? ` (${dialog.material.KeyMaterialDescription})`
            : ''}{' '}
          becomes current: KMS encrypts with it from now on and keeps the earlier material to
          decrypt what it encrypted. The earlier material stays permanently associated with the key.
        </RotateKeyModal>
      ) : null}
    </SpaceBetween>
  );
}

function DeleteKeyMaterialModal({
  keyId,
  material,
  onClose,
}: {
  keyId: string;
  material?: RotationsListEntry;
  onClose(): void;
}) {
  const remove = useDeleteImportedKeyMaterial();
  const notify = useNotify();
  const pendingRotation = material?.KeyMaterialState === 'PENDING_ROTATION';
  return (
    <ActionModal
      header="Delete key material"
      actionLabel="Delete key material"
      busy={remove.isPending}
      onAction={() =>
        remove.mutate(
          { KeyId: keyId, KeyMaterialId: material?.KeyMaterialId },
          {
            onSuccess: () => {
              notify({ type: 'success', header: 'Key material deleted' });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          {material ? (
            <>
              KMS deletes key material <Box variant="code">{material.KeyMaterialId}</Box>.
            </>
          ) : (
            'KMS deletes the current key material of this key.'
          )}{' '}
          {pendingRotation
            ? 'It is pending rotation, so the key stays usable; you may import other new key material in its place.'
            : 'The key becomes pending import and cannot be used until you import the same key material again; ciphertexts under it cannot be decrypted until then.'}
        </Box>
        {remove.isError ? (
          <ErrorAlert error={remove.error} header="The key material was not deleted" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
