import type { CreateAliasCommandInput, CreateAliasCommandOutput } from '@aws-sdk/client-kms';
import { alreadyExists } from '../../protocol/errors';
import { ALIAS_NAME_RULE, checkAliasName, refuseAliasTarget } from '../alias-names';
import { aliasArn } from '../arn';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
import type { OperationContext } from '../operation';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<CreateAliasCommandOutput, '$metadata'>;

export function createAlias(input: CreateAliasCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const aliasName = v.string('AliasName', ALIAS_NAME_RULE);
  const targetKeyId = v.string('TargetKeyId', KEY_ID_RULE);
  v.done();
  checkAliasName(aliasName);
  refuseAliasTarget(targetKeyId);

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
