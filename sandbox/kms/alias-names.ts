import { notAuthorized, notFound, validationMessage } from '../protocol/errors';
import type { AliasRecord } from '../store/records';
import { aliasArn, parseKmsArn } from './arn';
import type { OperationContext } from './operation';
import { InputValidator, KEY_ID_RULE } from './validation';

/** AliasNameType of the KMS model; the source is the model's pattern, so messages quote it. */
export const ALIAS_NAME_RULE = {
  required: true,
  min: 1,
  max: 256,
  pattern: /^[a-zA-Z0-9:/_-]+$/,
} as const;

/**
 * The rules KMS applies to an alias name after the model's pattern: the `alias/` prefix, no
 * colon, and the `alias/aws/` namespace reserved for AWS managed keys.
 */
export function checkAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/')) {
    throw validationMessage(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  }
  if (aliasName.includes(':')) {
    throw validationMessage(`${aliasName} contains invalid characters for an alias`);
  }
  if (aliasName.startsWith('alias/aws/')) {
    throw notAuthorized(
      `${aliasName} is reserved: alias names that begin with alias/aws/ belong to AWS managed keys.`,
    );
  }
}

/**
 * The aliases AWS creates in every account and Region for the AWS managed keys of its services,
 * before any of those keys exists: ListAliases shows them without a TargetKeyId (the set a new
 * account shows; AWS adds names as services arrive, and does not publish a list).
 */
export const PREDEFINED_AWS_ALIASES: readonly string[] = [
  'alias/aws/acm',
  'alias/aws/dynamodb',
  'alias/aws/ebs',
  'alias/aws/elasticfilesystem',
  'alias/aws/es',
  'alias/aws/glue',
  'alias/aws/kinesisvideo',
  'alias/aws/lambda',
  'alias/aws/rds',
  'alias/aws/redshift',
  'alias/aws/s3',
  'alias/aws/secretsmanager',
  'alias/aws/ssm',
  'alias/aws/xray',
];

/**
 * AliasName and TargetKeyId of CreateAlias and UpdateAlias, validated, then checked with KMS's
 * alias rules.
 */
export function readAliasTarget(input: object): { aliasName: string; targetKeyId: string } {
  const v = new InputValidator(input);
  const aliasName = v.string('AliasName', ALIAS_NAME_RULE);
  const targetKeyId = v.string('TargetKeyId', KEY_ID_RULE);
  v.done();
  checkAliasName(aliasName);
  refuseAliasTarget(targetKeyId);
  return { aliasName, targetKeyId };
}

/** CreateAlias and UpdateAlias point an alias at a key, never at another alias. */
export function refuseAliasTarget(targetKeyId: string): void {
  const arn = parseKmsArn(targetKeyId);
  if (targetKeyId.startsWith('alias/') || arn?.resourceType === 'alias') {
    throw validationMessage('Aliases must refer to keys. Not aliases');
  }
}

/** The caller's alias of that name, or NotFoundException naming its ARN as KMS does. */
export function requireAlias(ctx: OperationContext, aliasName: string): AliasRecord {
  const alias = ctx.store.aliases.get(ctx.scope, aliasName);
  if (!alias) {
    throw notFound(`Alias ${aliasArn(ctx.region, ctx.caller.account, aliasName)} is not found.`);
  }
  return alias;
}
