import type { DeleteAliasCommandInput, DeleteAliasCommandOutput } from '@aws-sdk/client-kms';
import { notFound } from '../../protocol/errors';
import { ALIAS_NAME_RULE, checkAliasName, requireAlias } from '../alias-names';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<DeleteAliasCommandOutput, '$metadata'>;

/** Works whatever the state of the key the alias points to, pending deletion included. */
export function deleteAlias(input: DeleteAliasCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const aliasName = v.string('AliasName', ALIAS_NAME_RULE);
  v.done();
  checkAliasName(aliasName);

  const alias = requireAlias(ctx, aliasName);
  const key = ctx.store.keys.get({ region: alias.region, keyId: alias.targetKeyId });
  if (!key) throw notFound(`Key '${alias.targetKeyId}' does not exist`);
  ctx.authorize({ action: 'kms:DeleteAlias', key });

  ctx.store.aliases.delete(alias, alias.aliasName);
  return {};
}
