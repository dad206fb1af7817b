import Box from '@cloudscape-design/components/box';
import type { KeyRow } from '../../../kms/catalog/rows';
import { useRotationStatus } from '../api/get-key-rotation-status';
import { supportsRotation } from './key-facts';

/**
 * Rotation is not part of DescribeKey: each visible row asks GetKeyRotationStatus (only rows on
 * screen render this cell, so a 10,000-key account costs one call per shown key).
 */
export function RotationCell({ row }: { row: KeyRow }) {
  const metadata = row.metadata;
  const applicable = supportsRotation(metadata) && metadata?.KeyManager === 'CUSTOMER';
  const status = useRotationStatus(row.keyId, {
    enabled: applicable && metadata?.KeyState !== 'PendingDeletion',
  });
  if (!metadata) return <Box color="text-status-inactive">…</Box>;
  if (metadata.KeyManager === 'AWS') return <>Automatic (yearly)</>;
  if (!supportsRotation(metadata)) return <Box color="text-status-inactive">Not supported</Box>;
  if (metadata.KeyState === 'PendingDeletion') return <Box color="text-status-inactive">—</Box>;
  if (status.isPending) return <Box color="text-status-inactive">…</Box>;
  if (status.isError) return <Box color="text-status-inactive">Unknown</Box>;
  if (!status.data.KeyRotationEnabled) return <>Disabled</>;
  return <>Every {status.data.RotationPeriodInDays ?? 365} days</>;
}
