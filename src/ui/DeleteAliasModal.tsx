import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useDeleteAlias } from '../kms/api/delete-alias';
import { ErrorAlert } from './ErrorAlert';
import { useNotify } from './notifications';
import { ActionModal } from './ActionModal';

/** Confirms and deletes an alias (the key stays). */
export function DeleteAliasModal({
  aliasName,
  keyId,
  onClose,
}: {
  aliasName: string;
  keyId?: string;
  onClose(): void;
}) {
  const remove = useDeleteAlias();
  const notify = useNotify();
  return (
    <ActionModal
      header="Delete alias"
      actionLabel="Delete"
      busy={remove.isPending}
      onAction={() =>
        remove.mutate(
          { aliasName, keyId },
          {
            onSuccess: () => {
              notify({ type: 'success', header: `Deleted ${aliasName}` });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Delete <Box variant="strong">{aliasName}</Box>? The key stays; applications that use the
          alias name will fail until it points at a key again.
        </Box>
        {remove.isError ? (
          <ErrorAlert error={remove.error} header="The alias was not deleted" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
