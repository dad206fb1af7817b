import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import type { DryRunOutcome, DryRunVerdict } from './dry-run';

const STATUS: Record<DryRunVerdict, StatusIndicatorProps.Type> = {
  'would-succeed': 'success',
  denied: 'error',
  'would-fail': 'warning',
  'not-checked': 'stopped',
  performed: 'warning',
};

/** A dry run's verdict in a few words, with the status icon Cloudscape uses for it. */
export function DryRunStatus({ outcome }: { outcome: DryRunOutcome }) {
  return <StatusIndicator type={STATUS[outcome.verdict]}>{outcome.summary}</StatusIndicator>;
}
