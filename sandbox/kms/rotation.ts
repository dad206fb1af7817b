import { randomUUID } from 'node:crypto';
import type { KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { generateKeyMaterial } from './keys';

export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/**
 * Gives a key new current material. Old material stays, so ciphertexts made before the rotation
 * (which name their material version) still decrypt.
 */
export function rotateKeyMaterial(
  store: Store,
  key: KeyRecord,
  now: Date,
  rotationType: 'AUTOMATIC' | 'ON_DEMAND',
): KeyRecord {
  const materialId = randomUUID();
  const updated: KeyRecord = {
    ...key,
    currentMaterialId: materialId,
    // On-demand rotations leave the automatic schedule as it was, as KMS documents.
    nextRotationDate:
      key.rotationEnabled && rotationType === 'AUTOMATIC'
        ? addDays(now, key.rotationPeriodDays ?? DEFAULT_ROTATION_PERIOD_DAYS)
        : key.nextRotationDate,
  };
  store.transaction(() => {
    store.materials.insert({
      region: key.region,
      materialId,
      keyId: key.keyId,
      material: generateKeyMaterial(key.keySpec),
      created: now,
      rotationType,
    });
    store.keys.update(updated);
  });
  return updated;
}
