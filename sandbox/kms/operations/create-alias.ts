import type { CreateAliasCommandInput, CreateAliasCommandOutput } from '@aws-sdk/client-kms';
import { alreadyExists } from '../../protocol/errors';
import { readAliasTarget } from '../alias-names';
import { aliasArn } from '../arn';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
import type { OperationContext } from '../operation';

type Output = Omit<CreateAliasCommandOutput, '$metadata'>;

export function createAlias(input: CreateAliasCommandInput, ctx: OperationContext): Output {
  const { aliasName, targetKeyId } = readAliasTarget(input);

  // KMS also wants kms:CreateAlias on the alias (IAM policy); the key's policy decides here.
  const key = ownKeyToChange(ctx, targetKeyId, 'CreateAlias');
  requireNotPendingDeletion(key);
  if (ctx.store.aliases.get(ctx.scope, aliasName)) {
    throw alreadyExists(
      `An alias with the name ${aliasArn(ctx.region, ctx.caller.account, aliasName)} already exists`,
    );
  }

  ctx.store.aliases.put({
    account: ctx.caller.account,
    region: ctx.region,
    aliasName: aliasName,
    targetKeyId: key.keyId,
    creationDate: ctx.now,
    lastUpdatedDate: ctx.now,
  });
  return {};
}
