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
}

/** Builds a new key and its first material; the caller stores both in one transaction. */
export function buildKey(spec: NewKey): { key: KeyRecord; material: MaterialRecord } {
  const keyId = spec.keyId ?? randomUUID();
  const materialId = randomUUID();
  return {
    key: {
      keyId,
      account: spec.account,
      region: spec.region,
      arn: keyArn(spec.region, spec.account, keyId),
      description: spec.description,
      keySpec: spec.keySpec,
      keyUsage: spec.keyUsage,
      origin: spec.origin ?? 'AWS_KMS',
      keyManager: spec.keyManager ?? 'CUSTOMER',
      keyState: 'Enabled',
      creationDate: spec.now,
      policy: spec.policy,
      rotationEnabled: false,
      currentMaterialId: materialId,
    },
    material: {
      materialId,
      keyId,
      material: spec.material ?? generateKeyMaterial(spec.keySpec),
      created: spec.now,
    },
  };
}
