import type { ReplicateKeyCommandInput, ReplicateKeyCommandOutput } from '@aws-sdk/client-kms';
import { alreadyExists, unsupportedOperation, validationMessage } from '../../protocol/errors';
import { isAwsRegion } from '../../protocol/regions';
import type { KeyRecord } from '../../store/records';
import { keyArn } from '../arn';
import { requireCustomerManaged, requireEnabled } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { describeStoredKey } from '../key-metadata';
import { defaultKeyPolicy, requireNoLockout, validateKeyPolicy } from '../key-policy';
import { POLICY_PATTERN, REGION_PATTERN } from '../model-patterns';
import { requirePrimary } from '../multi-region';
import type { OperationContext } from '../operation';
import { checkTagRules, readTags, tagConditionKeys } from '../tags';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ReplicateKeyCommandOutput, '$metadata'>;

export const REGION_RULE = { required: true, min: 1, max: 32, ...REGION_PATTERN } as const;

/**
 * Creates a replica of a multi-Region primary key in another Region of the account: the same key
 * id, key material (every version, so every ciphertext of the primary decrypts with it), key spec,
 * key usage, origin and rotation, with its own key policy (the default one unless given),
 * description and tags. The request goes to the primary's Region; the replica is usable at once
 * (AWS shows the transient key state Creating for a few seconds first). A primary with imported
 * key material gets a replica without material (PendingImport), as AWS documents.
 */
export function replicateKey(input: ReplicateKeyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const replicaRegion = v.string('ReplicaRegion', REGION_RULE);
  const policy = v.string('Policy', { min: 1, max: 131072, ...POLICY_PATTERN });
  const bypass = v.boolean('BypassPolicyLockoutSafetyCheck') ?? false;
  const description = v.string('Description', { min: 0, max: 8192 }) ?? '';
  const tags = readTags(v, false) ?? [];
  v.done();

  const { key: primary } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, {
    action: 'kms:ReplicateKey',
    key: primary,
    conditionInput: { replicaRegion },
  });
  requireCustomerManaged(primary, 'ReplicateKey');
  requirePrimary(primary);
  // A primary waiting for its imported material can be replicated: the replica waits too.
  if (primary.keyState !== 'PendingImport') requireEnabled(primary);
  requireReplicaRegion(primary, replicaRegion);
  const existing = ctx.store.keys.get({ region: replicaRegion, keyId: primary.keyId });
  if (existing) {
    // AWS's wording is undocumented.
    throw alreadyExists(
      `${existing.arn} already exists: a multi-Region key has one replica per Region.`,
    );
  }
  checkTagRules(tags);

  // "kms:CreateKey in an IAM policy in the replica Region", and kms:TagResource for Tags.
  ctx.authorize({
    action: 'kms:CreateKey',
    region: replicaRegion,
    conditionKeys: {
      'kms:KeySpec': primary.keySpec,
      'kms:KeyUsage': primary.keyUsage,
      'kms:KeyOrigin': primary.origin,
      'kms:BypassPolicyLockoutSafetyCheck': bypass,
      ...tagConditionKeys(tags),
    },
    conditionInput: { multiRegion: true, multiRegionKeyType: 'REPLICA' },
  });
  if (tags.length > 0) {
    ctx.authorize({
      action: 'kms:TagResource',
      region: replicaRegion,
      conditionKeys: tagConditionKeys(tags),
    });
  }
  if (policy !== undefined) validateKeyPolicy(policy);

  const replica = replicaOf(primary, {
    region: replicaRegion,
    description,
    policy: policy ?? defaultKeyPolicy(primary.account),
    now: ctx.now,
  });
  if (policy !== undefined) requireNoLockout(ctx, replica, bypass);
  ctx.store.transaction(() => {
    ctx.store.keys.insert(replica);
    // Imported material is imported into each related key; KMS's own material is shared.
    if (primary.origin !== 'EXTERNAL') {
      for (const material of ctx.store.materials.listForKey(primary)) {
        ctx.store.materials.insert({ ...material, region: replicaRegion });
      }
    }
    for (const tag of tags) ctx.store.tags.put(replica, tag);
  });
  return {
    ReplicaKeyMetadata: describeStoredKey(ctx.store, replica),
    ReplicaPolicy: replica.policy,
    ReplicaTags: tags,
  };
}

/**
 * The replica's Region: another Region of the primary's partition. AWS's answers for the
 * primary's own Region and for a Region outside the partition are undocumented.
 */
function requireReplicaRegion(primary: KeyRecord, replicaRegion: string): void {
  if (replicaRegion === primary.region) {
    throw validationMessage(
      `ReplicaRegion ${replicaRegion} is the Region of the primary key ${primary.arn}: a replica must be in another Region.`,
    );
  }
  if (!isAwsRegion(replicaRegion)) {
    throw unsupportedOperation(
      `ReplicaRegion ${replicaRegion} is not a Region of the aws partition, where the primary key ${primary.arn} is.`,
    );
  }
}

function replicaOf(
  primary: KeyRecord,
  own: { region: string; description: string; policy: string; now: Date },
): KeyRecord {
  return {
    // The shared properties: key id, key spec, key usage, origin, rotation, material versions.
    ...primary,
    region: own.region,
    arn: keyArn(own.region, primary.account, primary.keyId),
    description: own.description,
    policy: own.policy,
    keyState: primary.origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
    creationDate: own.now,
    deletionDate: undefined,
    pendingWindowDays: undefined,
  };
}
