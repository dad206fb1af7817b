import type { KeyState } from '@aws-sdk/client-kms';
import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';

const STATES: Record<KeyState, { type: StatusIndicatorProps.Type; text: string }> = {
  Enabled: { type: 'success', text: 'Enabled' },
  Disabled: { type: 'stopped', text: 'Disabled' },
  PendingDeletion: { type: 'warning', text: 'Pending deletion' },
  PendingImport: { type: 'pending', text: 'Pending import' },
  PendingReplicaDeletion: { type: 'warning', text: 'Pending replica deletion' },
  Unavailable: { type: 'error', text: 'Unavailable' },
  Creating: { type: 'in-progress', text: 'Creating' },
  Updating: { type: 'in-progress', text: 'Updating' },
};

export function keyStateText(state: KeyState | undefined): string {
  return state ? (STATES[state]?.text ?? state) : 'Unknown';
}

/** A key's KeyState as the AWS console shows it. */
export function KeyStatus({ state }: { state: KeyState | undefined }) {
  if (!state) return <StatusIndicator type="pending">Loading</StatusIndicator>;
  const shown = STATES[state] ?? { type: 'info' as const, text: state };
  return <StatusIndicator type={shown.type}>{shown.text}</StatusIndicator>;
}
