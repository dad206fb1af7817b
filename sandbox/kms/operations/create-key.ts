import type { CreateKeyCommandInput, CreateKeyCommandOutput } from '@aws-sdk/client-kms';
import { unsupportedOperation, validationMessage } from '../../protocol/errors';
import { buildExternalKey, buildKey } from '../key-factory';
import { describeStoredKey } from '../key-metadata';
import { defaultKeyPolicy, requireNoLockout, validateKeyPolicy } from '../key-policy';
import {
  generateKeyMaterialAsync,
  isKeySpec,
  KEY_USAGES,
  keySpecInfo,
  runtimeHasMlDsa,
  MODEL_CUSTOMER_MASTER_KEY_SPECS,
  MODEL_KEY_SPECS,
  type KeySpec,
  type KeyUsage,
} from '../keys';
import type { OperationContext } from '../operation';
import { checkTagRules, readTags, tagConditionKeys } from '../tags';
import { POLICY_PATTERN } from '../model-patterns';
import { InputValidator } from '../validation';
import { newMultiRegionKeyId } from '../multi-region';

type Output = Omit<CreateKeyCommandOutput, '$metadata'>;

const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

export async function createKey(
  input: CreateKeyCommandInput,
  ctx: OperationContext,
): Promise<Output> {
  const v = new InputValidator(input);
  const policy = v.string('Policy', { min: 1, max: 131072, ...POLICY_PATTERN });
  const description = v.string('Description', { min: 0, max: 8192 }) ?? '';
  const requestedUsage = v.string('KeyUsage', { enum: KEY_USAGES });
  const cmkSpec = v.string('CustomerMasterKeySpec', { enum: MODEL_CUSTOMER_MASTER_KEY_SPECS });
  const requestedSpec = v.string('KeySpec', { enum: MODEL_KEY_SPECS });
  const origin = v.string('Origin', { enum: ORIGINS }) ?? 'AWS_KMS';
  const customKeyStoreId = v.string('CustomKeyStoreId', { min: 1, max: 64 });
  const bypass = v.boolean('BypassPolicyLockoutSafetyCheck') ?? false;
  const tags = readTags(v, false) ?? [];
  const multiRegion = v.boolean('MultiRegion') ?? false;
  const xksKeyId = v.string('XksKeyId', { min: 1, max: 128, pattern: /^[a-zA-Z0-9-_.]+$/ });
  v.done();

  if (requestedSpec !== undefined && cmkSpec !== undefined) {
    throw validationMessage(
      'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
    );
  }
  const keySpec = requestedSpec ?? cmkSpec ?? 'SYMMETRIC_DEFAULT';
  if (!isKeySpec(keySpec)) {
    throw unsupportedOperation(
      `KeySpec ${keySpec} is not supported by the sandbox. It creates SYMMETRIC_DEFAULT, RSA_*, ECC_NIST_P*, ECC_SECG_P256K1, HMAC_* and ML_DSA_* keys.`,
    );
  }
  const keyUsage = checkKeyUsage(keySpec, requestedUsage as KeyUsage | undefined);
  checkTagRules(tags);
  const external = origin === 'EXTERNAL';
  if (
    (!external && origin !== 'AWS_KMS') ||
    customKeyStoreId !== undefined ||
    xksKeyId !== undefined
  ) {
    throw unsupportedOperation(
      `Origin ${origin} is not supported by the sandbox: it creates keys whose key material KMS generates (Origin AWS_KMS) or that you import (Origin EXTERNAL), without custom key stores.`,
    );
  }
  if (external) requireImportableSpec(keySpec);
  requireRuntimeSupport(keySpec);

  ctx.authorize({
    action: 'kms:CreateKey',
    conditionKeys: {
      'kms:KeySpec': keySpec,
      'kms:KeyUsage': keyUsage,
      'kms:KeyOrigin': origin,
      'kms:MultiRegion': multiRegion,
      ...(multiRegion ? { 'kms:MultiRegionKeyType': 'PRIMARY' } : {}),
      'kms:BypassPolicyLockoutSafetyCheck': bypass,
      ...tagConditionKeys(tags),
    },
  });
  // Tagging at creation needs kms:TagResource too, as the CreateKey reference says.
  if (tags.length > 0) {
    ctx.authorize({ action: 'kms:TagResource', conditionKeys: tagConditionKeys(tags) });
  }
  if (policy !== undefined) validateKeyPolicy(policy);

  const spec = {
    account: ctx.caller.account,
    region: ctx.region,
    ...(multiRegion ? { keyId: newMultiRegionKeyId(), primaryRegion: ctx.region } : {}),
    keySpec,
    keyUsage,
    description,
    policy: policy ?? defaultKeyPolicy(ctx.caller.account),
    now: ctx.now,
  };
  // RSA_4096 takes about a second to generate: keep it off the event loop.
  const { key, material } = external
    ? { key: buildExternalKey(spec), material: undefined }
    : buildKey({ ...spec, material: await generateKeyMaterialAsync(keySpec) });
  if (policy !== undefined) requireNoLockout(ctx, key, bypass);
  return ctx.commit(() => {
    ctx.store.keys.insert(key, material);
    for (const tag of tags) ctx.store.tags.put(key, tag);
    return { KeyMetadata: describeStoredKey(ctx.store, key) };
  });
}

/** KeyUsage as KMS settles it: optional only for symmetric encryption keys, and spec-compatible. */
function checkKeyUsage(keySpec: KeySpec, requested: KeyUsage | undefined): KeyUsage {
  const info = keySpecInfo(keySpec);
  if (requested === undefined) {
    if (info.keyUsageRequired) {
      throw validationMessage(
        'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
      );
    }
    return info.defaultKeyUsage;
  }
  if (info.keyUsages.includes(requested)) return requested;
  if (keySpec === 'SYMMETRIC_DEFAULT') {
    throw validationMessage(
      `The operation failed because the KeyUsage value of the CMK is ${requested}. To perform this operation, the KeyUsage value must be ENCRYPT_DECRYPT.`,
    );
  }
  throw validationMessage(`KeyUsage ${requested} is not compatible with KeySpec ${keySpec}`);
}

/** AWS makes ML-DSA keys everywhere; the sandbox only where its Node.js can. */
function requireRuntimeSupport(keySpec: KeySpec): void {
  if (keySpecInfo(keySpec).family === 'ML_DSA' && !runtimeHasMlDsa()) {
    throw unsupportedOperation(
      `KeySpec ${keySpec} needs Node.js 24 or later: this sandbox runs on Node.js ${process.version}, whose node:crypto has no ML-DSA. Start the sandbox on Node.js 24 (README, Development) to create ML-DSA keys.`,
    );
  }
}

/**
 * "Importing ML-DSA keys is not supported" (Requirements for imported key material). AWS does not
 * document whether CreateKey or GetParametersForImport refuses it; the sandbox refuses at once.
 */
function requireImportableSpec(keySpec: KeySpec): void {
  if (keySpecInfo(keySpec).family === 'ML_DSA') {
    throw unsupportedOperation(
      `KeySpec ${keySpec} does not support imported key material: KMS keys with Origin EXTERNAL can be SYMMETRIC_DEFAULT, HMAC_*, RSA_* or ECC_* keys.`,
    );
  }
}
