import type { Store } from '../store/store';
import { buildKey } from '../kms/key-factory';
import { REGION, SEED_KEYS } from './demo-scenario';

const SEEDED_MARKER = 'scenario-seeded';

/**
 * Seeds the demo keys and aliases on a store's first start only: a restarted sandbox keeps
 * whatever the user changed, including deleted demo keys.
 */
export function seedScenario(store: Store, now: Date): boolean {
  if (store.meta.get(SEEDED_MARKER)) return false;
  store.transaction(() => {
    for (const seed of SEED_KEYS) {
      const { key, material } = buildKey({
        account: seed.account,
        region: REGION,
        keyId: seed.keyId,
        keySpec: seed.keySpec,
        keyUsage: seed.keyUsage,
        description: seed.description,
        policy: seed.policy,
        now,
      });
      store.keys.insert({ ...key, keyState: seed.enabled ? 'Enabled' : 'Disabled' }, material);
      store.aliases.put({
        account: seed.account,
        region: REGION,
        aliasName: seed.alias,
        targetKeyId: key.keyId,
        creationDate: now,
        lastUpdatedDate: now,
      });
    }
    store.meta.set(SEEDED_MARKER, now.toISOString());
  });
  return true;
}
