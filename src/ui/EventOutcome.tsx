import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import { OUTCOME_LABELS, type EventOutcome } from '../kms/events/trail-event';

const TYPES: Record<EventOutcome, StatusIndicatorProps.Type> = {
  succeeded: 'success',
  denied: 'error',
  failed: 'warning',
  'dry-run': 'info',
};

/** How a recorded call ended: Succeeded, Denied, Failed or Dry run. */
export function EventOutcomeStatus({ outcome }: { outcome: EventOutcome }) {
  return <StatusIndicator type={TYPES[outcome]}>{OUTCOME_LABELS[outcome]}</StatusIndicator>;
}
