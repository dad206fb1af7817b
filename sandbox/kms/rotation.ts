import { randomUUID } from 'node:crypto';
import type { KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { generateKeyMaterial } from './keys';
import { keyFamily } from './multi-region';

export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/**
 * Gives a key new current material. Old material stays, so ciphertexts made before the rotation
 * (which name their material version) still decrypt. Key material is shared by related
 * multi-Region keys: a primary's rotation gives every replica the same new version.
 */
export function rotateKeyMaterial(
  store: Store,
  key: KeyRecord,
  now: Date,
  rotationType: 'AUTOMATIC' | 'ON_DEMAND',
): KeyRecord {
  const materialId = randomUUID();
  const material = generateKeyMaterial(key.keySpec);
  // On-demand rotations leave the automatic schedule as it was, as KMS documents.
  const nextRotationDate =
    key.rotationEnabled && rotationType === 'AUTOMATIC'
      ? addDays(now, key.rotationPeriodDays ?? DEFAULT_ROTATION_PERIOD_DAYS)
      : key.nextRotationDate;
  let updated = key;
  store.transaction(() => {
    for (const related of keyFamily(store, key)) {
      const { region, keyId } = related;
      store.materials.insert({ region, materialId, keyId, material, created: now, rotationType });
      const next = { ...related, currentMaterialId: materialId, nextRotationDate };
      store.keys.update(next);
      if (region === key.region) updated = next;
    }
  });
  return updated;
}
