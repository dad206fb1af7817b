import type { MacAlgorithmSpec } from '@aws-sdk/client-kms';
import type { KeyRecord } from '../store/records';
import { MAC_ALGORITHM_ENUM, requireMacAlgorithm } from './algorithms';
import { PLAINTEXT_RULE, readGrantTokens, sensitiveBytes } from './crypto-validation';
import { readDryRun, type DryRunOptions } from './dry-run';
import { requireEnabled, requireUsage, resolveKey } from './key-lookup';
import type { MacAlgorithm } from './keys';
import type { OperationContext } from './operation';
import { KEY_ID_RULE, type InputValidator } from './validation';

/** What GenerateMac and VerifyMac share: their members, and the key checks in KMS's order. */
export interface MacMembers {
  keyId: string;
  message: Uint8Array;
  algorithm: MacAlgorithmSpec;
  grantTokens?: string[];
  dryRun: DryRunOptions;
}

export function readMacMembers(v: InputValidator, input: object): MacMembers {
  const message = sensitiveBytes(v, input, 'Message', { required: true, ...PLAINTEXT_RULE });
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const algorithm = v.string('MacAlgorithm', { required: true, enum: MAC_ALGORITHM_ENUM });
  const grantTokens = readGrantTokens(v);
  const dryRun = readDryRun(v);
  return {
    keyId,
    message,
    algorithm: algorithm as MacAlgorithmSpec,
    grantTokens,
    dryRun,
  };
}

export interface MacRequest {
  key: KeyRecord;
  material: Buffer;
  message: Buffer;
  algorithm: MacAlgorithm;
}

export function macKey(
  ctx: OperationContext,
  members: MacMembers,
  action: 'kms:GenerateMac' | 'kms:VerifyMac',
  operation: 'GenerateMac' | 'VerifyMac',
): MacRequest {
  const { key, requestAlias } = resolveKey(ctx, members.keyId);
  ctx.authorize({
    action,
    key,
    requestAlias,
    grantTokens: members.grantTokens,
    conditionKeys: { 'kms:MacAlgorithm': members.algorithm },
  });
  requireUsage(key, 'GENERATE_VERIFY_MAC', operation);
  requireEnabled(key);
  requireMacAlgorithm(key, members.algorithm);
  const material = ctx.store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw new Error(`Key ${key.keyId} has no key material`);
  return {
    key,
    material: material.material,
    message: Buffer.from(members.message),
    algorithm: members.algorithm as MacAlgorithm,
  };
}
