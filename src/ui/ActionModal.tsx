import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal, { type ModalProps } from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface ActionModalProps {
  header: string;
  /** The primary button's label, e.g. "Disable key". */
  actionLabel: string;
  onAction(): void;
  onClose(): void;
  busy: boolean;
  disabled?: boolean;
  size?: ModalProps.Size;
  /** Body with inputs: wrapped in a form so Enter does what the primary button does. */
  form?: boolean;
  children: ReactNode;
}

/** A dialog with Cancel and one primary action, the way the AWS console asks for a change. */
export function ActionModal({
  header,
  actionLabel,
  onAction,
  onClose,
  busy,
  disabled,
  size,
  form,
  children,
}: ActionModalProps) {
  return (
    <Modal
      visible
      size={size}
      onDismiss={onClose}
      header={header}
      closeAriaLabel="Close"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" disabled={disabled} loading={busy} onClick={onAction}>
              {actionLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {form ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onAction();
          }}
        >
          <SpaceBetween size="m">{children}</SpaceBetween>
        </form>
      ) : (
        children
      )}
    </Modal>
  );
}
