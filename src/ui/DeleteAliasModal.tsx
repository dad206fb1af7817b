import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useDeleteAlias } from '../kms/api/delete-alias';
import { ErrorAlert } from './ErrorAlert';
import { useNotify } from './notifications';

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
    <Modal
      visible
      onDismiss={onClose}
      header="Delete alias"
      closeAriaLabel="Close"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={remove.isPending}
              onClick={() =>
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
            >
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
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
    </Modal>
  );
}
