import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNotify } from '../../../ui/notifications';
import { useRotateKeyOnDemand } from '../api/key-changes';

/** Confirms RotateKeyOnDemand; `children` says what the rotation does to this key. */
export function RotateKeyModal({
  keyId,
  header,
  actionLabel,
  children,
  onClose,
}: {
  keyId: string;
  header: string;
  actionLabel: string;
  children: ReactNode;
  onClose(): void;
}) {
  const rotate = useRotateKeyOnDemand();
  const notify = useNotify();
  return (
    <ActionModal
      header={header}
      actionLabel={actionLabel}
      busy={rotate.isPending}
      onAction={() =>
        rotate.mutate(
          { KeyId: keyId },
          {
            onSuccess: () => {
              notify({ type: 'success', header: 'Key material rotated' });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">{children}</Box>
        {rotate.isError ? (
          <ErrorAlert error={rotate.error} header="The key was not rotated" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
