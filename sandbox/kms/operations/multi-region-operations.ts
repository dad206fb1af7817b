import type { OperationRegistry } from '../operation';
import { replicateKey } from './replicate-key';
import { updatePrimaryRegion } from './update-primary-region';

/** Multi-Region keys: replicas in other Regions and the primary's Region. */
export const MULTI_REGION_OPERATIONS = {
  ReplicateKey: replicateKey,
  UpdatePrimaryRegion: updatePrimaryRegion,
} satisfies OperationRegistry;
