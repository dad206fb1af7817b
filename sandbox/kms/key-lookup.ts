import {
  disabled,
  invalidKeyUsage,
  invalidState,
  notFound,
  unsupportedOperation,
} from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import { aliasArn, KEY_ID_PATTERN, keyArn, MRK_ID_PATTERN, parseKmsArn } from './arn';
import type { OperationContext } from './operation';

export interface ResolvedKey {
  key: KeyRecord;
  /** The alias name the caller used (`alias/…`), for kms:RequestAlias. */
  requestAlias?: string;
}

/**
 * Resolves a KeyId parameter as KMS does: key id, key ARN, alias name or alias ARN. Ids and alias
 * names resolve in the caller's own account; another account's key is reachable only by ARN.
 */
export function resolveKey(
  ctx: OperationContext,
  keyIdInput: string,
  options: { allowAlias?: boolean } = {},
): ResolvedKey {
  const allowAlias = options.allowAlias ?? true;
  const arn = parseKmsArn(keyIdInput);
  let account = ctx.caller.account;
  let region = ctx.region;
  let target = keyIdInput;
  if (arn) {
    ({ account, region } = arn);
    target = arn.resource;
  } else if (keyIdInput.startsWith('arn:')) {
    throw notFound(`Invalid arn ${keyIdInput}`);
  }

  if (target.startsWith('alias/')) {
    if (!allowAlias) {
      throw notFound(`Invalid keyId ${keyIdInput}`);
    }
    // AWS's answer for an alias ARN of another Region is undocumented; the key ARN's is assumed.
    requireRequestRegion(ctx, region);
    const alias = ctx.store.aliases.get({ account, region }, target);
    const key = alias && ctx.store.keys.get({ region, keyId: alias.targetKeyId });
    if (!key) throw notFound(`Alias ${aliasArn(region, account, target)} is not found.`);
    return { key, requestAlias: target };
  }

  if (!KEY_ID_PATTERN.test(target) && !MRK_ID_PATTERN.test(target)) {
    throw notFound(`Invalid keyId '${keyIdInput}'`);
  }
  requireRequestRegion(ctx, region);
  const key = ctx.store.keys.get({ region, keyId: target });
  if (!key || key.account !== account || key.region !== region) {
    throw notFound(`Key '${keyArn(region, account, target)}' does not exist`);
  }
  return { key };
}

/**
 * A request acts in its own Region only: no KMS operation takes a key of another Region, not even
 * by ARN, and AWS answers such an ARN with `Invalid arn <region>`.
 */
function requireRequestRegion(ctx: OperationContext, region: string): void {
  if (region !== ctx.region) throw notFound(`Invalid arn ${region}`);
}

/** Cryptographic operations need an Enabled key; the error names the state like KMS does. */
export function requireEnabled(key: KeyRecord): void {
  switch (key.keyState) {
    case 'Enabled':
      return;
    case 'Disabled':
      throw disabled(key.arn);
    case 'PendingDeletion':
      throw invalidState(`${key.arn} is pending deletion.`);
    case 'PendingImport':
      throw invalidState(`${key.arn} is pending import.`);
    case 'PendingReplicaDeletion':
      // AWS's wording for this state is undocumented; it follows "is pending deletion.".
      throw invalidState(`${key.arn} is pending replica deletion.`);
    default:
      throw invalidState(`${key.arn} is ${key.keyState}.`);
  }
}

/** A key with imported material that is missing some of it (the key-state table's wording). */
export function requireNotPendingImport(key: KeyRecord): void {
  if (key.keyState === 'PendingImport') throw invalidState(`${key.arn} is pending import.`);
}

/** Scheduled for deletion: PendingDeletion, or a multi-Region primary waiting for its replicas. */
export const isPendingDeletion = (key: KeyRecord) =>
  key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion';

/** Management operations refuse keys that are pending deletion. */
export function requireNotPendingDeletion(key: KeyRecord): void {
  if (isPendingDeletion(key)) requireEnabled(key);
}

export function requireUsage(key: KeyRecord, usage: KeyRecord['keyUsage'], operation: string) {
  if (key.keyUsage !== usage) {
    throw invalidKeyUsage(
      `${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`,
    );
  }
}

/** Only customer managed keys may be changed by their account's principals. */
export function requireCustomerManaged(key: KeyRecord, operation: string): void {
  if (key.keyManager === 'AWS') {
    throw unsupportedOperation(
      `${key.arn} is an AWS managed key; ${operation} is not supported on AWS managed keys.`,
    );
  }
}

/** Asymmetric keys never rotate, so their current material is their only one. */
export function asymmetricMaterial(ctx: OperationContext, key: KeyRecord): Buffer {
  const material = ctx.store.materials.get(key.region, key.currentMaterialId);
  if (!material) throw new Error(`Key ${key.keyId} has no key material`);
  return material.material;
}
