import { randomBytes } from 'node:crypto';
import type { MultiRegionConfiguration, MultiRegionKeyType } from '@aws-sdk/client-kms';
import { incorrectKeyMaterial, unsupportedOperation } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import type { Store } from '../store/store';

/*
 * Multi-Region keys, as "Multi-Region keys in AWS KMS" describes them: a primary key and replicas
 * in other Regions of the same account, with the same key id (`mrk-…`), key material, key spec,
 * key usage, origin and automatic rotation (the shared properties, which the sandbox keeps equal
 * on every related key), and their own policy, description, tags, aliases, grants and key state.
 */

/** `mrk-` and 32 hex digits, as AWS names multi-Region keys. */
export const newMultiRegionKeyId = () => `mrk-${randomBytes(16).toString('hex')}`;

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

/** The key and its related multi-Region keys in every Region; just the key when single-Region. */
export function keyFamily(store: Store, key: KeyRecord): KeyRecord[] {
  return key.primaryRegion === undefined ? [key] : store.keys.related(key);
}

/** DescribeKey's MultiRegionConfiguration, the same from every related key. */
export function multiRegionConfiguration(
  store: Store,
  key: KeyRecord,
): MultiRegionConfiguration | undefined {
  const type = multiRegionKeyType(key);
  if (type === undefined) return undefined;
  const related = store.keys.related(key);
  const primary = related.find((k) => k.region === key.primaryRegion);
  return {
    MultiRegionKeyType: type,
    PrimaryKey: primary ? { Arn: primary.arn, Region: primary.region } : undefined,
    ReplicaKeys: related
      .filter((k) => k.region !== key.primaryRegion)
      .map((k) => ({ Arn: k.arn, Region: k.region })),
  };
}

/**
 * Operations that only a multi-Region primary key answers: ReplicateKey and UpdatePrimaryRegion,
 * and the shared properties' changes (automatic and on-demand rotation), which "set the property
 * on the primary key". The wording is AWS's as relayed by ThalesGroup/terraform-provider-ciphertrust
 * (which matches it on UpdatePrimaryRegion); the exception name is assumed (the model lists
 * UnsupportedOperationException for each of these operations).
 */
export function requirePrimary(key: KeyRecord): void {
  if (multiRegionKeyType(key) !== 'PRIMARY') {
    throw unsupportedOperation(`${key.arn} is not a multi-Region primary key.`);
  }
}

/** Shared properties change on the primary; the sandbox writes them to every related key at once. */
export function updateFamily(
  store: Store,
  key: KeyRecord,
  change: (related: KeyRecord) => KeyRecord,
): KeyRecord {
  let updated = key;
  store.transaction(() => {
    for (const related of keyFamily(store, key)) {
      const next = change(related);
      store.keys.update(next);
      if (related.region === key.region) updated = next;
    }
  });
  return updated;
}

/** The shared properties' changes (rotation) are made on a primary or a single-Region key. */
export function requireNotReplica(key: KeyRecord): void {
  if (multiRegionKeyType(key) === 'REPLICA') requirePrimary(key);
}

/**
 * Related multi-Region keys share key material, so a replica of a key with imported material is
 * created without any, and "you must import the same key material that you imported into the
 * primary key" (ReplicateKey). A key's first import must be the material its related keys have;
 * AWS's refusal of other material is undocumented (the sandbox answers IncorrectKeyMaterial).
 */
export function requireRelatedKeysMaterial(store: Store, key: KeyRecord, keyMaterialId: string) {
  if (key.primaryRegion === undefined || store.importedMaterials.listForKey(key).length > 0) return;
  const others = store.keys.related(key).filter((related) => related.region !== key.region);
  const known = others.flatMap((related) =>
    store.importedMaterials.listForKey(related).map((material) => material.keyMaterialId),
  );
  if (known.length > 0 && !known.includes(keyMaterialId)) {
    throw incorrectKeyMaterial(
      `The key material is not the key material of the related multi-Region keys of ${key.arn}: import the same key material into every related key.`,
    );
  }
}
