import type { MultiRegionKeyType } from '@aws-sdk/client-kms';
import type { KeyRecord } from '../store/records';

/** PRIMARY or REPLICA for a multi-Region key; undefined for a single-Region key. */
export function multiRegionKeyType(key: KeyRecord): MultiRegionKeyType | undefined {
  if (key.primaryRegion === undefined) return undefined;
  return key.primaryRegion === key.region ? 'PRIMARY' : 'REPLICA';
}

/** kms:MultiRegion and kms:MultiRegionKeyType, which every operation on a key sets. */
export function multiRegionConditionInputs(key: KeyRecord): {
  multiRegion: boolean;
  multiRegionKeyType?: MultiRegionKeyType;
} {
  const type = multiRegionKeyType(key);
  return type ? { multiRegion: true, multiRegionKeyType: type } : { multiRegion: false };
}
