import { randomUUID } from 'node:crypto';
import type { KeySpec, KeyUsageType } from '@aws-sdk/client-kms';
import type { KeyRecord, MaterialRecord } from '../store/records';
import { keyArn } from './arn';
import { generateKeyMaterial } from './keys';

export interface NewKey {
  account: string;
  region: string;
  keyId?: string;
  keySpec: KeySpec;
  keyUsage: KeyUsageType;
  description: string;
  policy: string;
  now: Date;
  keyManager?: KeyRecord['keyManager'];
  origin?: KeyRecord['origin'];
  /** Material generated ahead (e.g. off the event loop for RSA); generated here when absent. */
  material?: Buffer;
  /** A multi-Region primary key: its own Region. */
  primaryRegion?: string;
}

/** Builds a new key and its first material; the caller stores both in one transaction. */
export function buildKey(spec: NewKey): { key: KeyRecord; material: MaterialRecord } {
  const key = keyRecord(spec, 'Enabled');
  return {
    key,
    material: {
      region: key.region,
      materialId: key.currentMaterialId,
      keyId: key.keyId,
      material: spec.material ?? generateKeyMaterial(spec.keySpec),
      created: spec.now,
    },
  };
}

/**
 * Builds a key for imported key material (Origin EXTERNAL): PendingImport, without material. Its
 * current material id is reserved for the first material imported into it.
 */
export function buildExternalKey(spec: Omit<NewKey, 'origin' | 'material'>): KeyRecord {
  return keyRecord({ ...spec, origin: 'EXTERNAL' }, 'PendingImport');
}

function keyRecord(spec: NewKey, keyState: KeyRecord['keyState']): KeyRecord {
  const keyId = spec.keyId ?? randomUUID();
  return {
    keyId,
    account: spec.account,
    region: spec.region,
    arn: keyArn(spec.region, spec.account, keyId),
    description: spec.description,
    keySpec: spec.keySpec,
    keyUsage: spec.keyUsage,
    origin: spec.origin ?? 'AWS_KMS',
    keyManager: spec.keyManager ?? 'CUSTOMER',
    keyState,
    creationDate: spec.now,
    policy: spec.policy,
    rotationEnabled: false,
    currentMaterialId: randomUUID(),
    primaryRegion: spec.primaryRegion,
  };
}
