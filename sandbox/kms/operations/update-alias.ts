import type { UpdateAliasCommandInput, UpdateAliasCommandOutput } from '@aws-sdk/client-kms';
import { notFound, validationMessage } from '../../protocol/errors';
import type { KeyRecord } from '../../store/records';
import { readAliasTarget, requireAlias } from '../alias-names';
import { requireCustomerManaged, requireNotPendingDeletion } from '../key-lookup';
import { authorizeOwnKey, resolveManagedKey } from '../key-management';
import { keySpecInfo } from '../keys';
import type { OperationContext } from '../operation';

type Output = Omit<UpdateAliasCommandOutput, '$metadata'>;

/** "Both symmetric or both asymmetric or both HMAC": RSA and ECC keys are one type here. */
const keyType = (key: KeyRecord) => {
  const family = keySpecInfo(key.keySpec).family;
  return family === 'RSA' || family === 'ECC' ? 'asymmetric' : family;
};

export function updateAlias(input: UpdateAliasCommandInput, ctx: OperationContext): Output {
  const { aliasName, targetKeyId } = readAliasTarget(input);

  const alias = requireAlias(ctx, aliasName);
  const current = ctx.store.keys.get({ region: alias.region, keyId: alias.targetKeyId });
  if (!current) throw notFound(`Key '${alias.targetKeyId}' does not exist`);
  const { key } = resolveManagedKey(ctx, targetKeyId);
  // KMS wants kms:UpdateAlias on the current key and on the new one (and on the alias, in IAM).
  authorizeOwnKey(ctx, { action: 'kms:UpdateAlias', key: current });
  authorizeOwnKey(ctx, { action: 'kms:UpdateAlias', key });
  requireCustomerManaged(key, 'UpdateAlias');
  requireNotPendingDeletion(key);
  if (keyType(key) !== keyType(current) || key.keyUsage !== current.keyUsage) {
    throw validationMessage(
      `Alias ${aliasName} cannot be associated with ${key.arn}: the new KMS key must be the same type (symmetric, asymmetric or HMAC) and have the same key usage as the current one (${current.keySpec}, ${current.keyUsage}), but it is ${key.keySpec} with key usage ${key.keyUsage}. Delete the alias and create it again to point it at a different type of key.`,
    );
  }

  ctx.store.aliases.put({ ...alias, targetKeyId: key.keyId, lastUpdatedDate: ctx.now });
  return {};
}
