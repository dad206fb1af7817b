import type { DescribeKeyCommandInput, DescribeKeyCommandOutput } from '@aws-sdk/client-kms';
import { resolveKey } from '../key-lookup';
import { describeStoredKey } from '../key-metadata';
import type { OperationContext } from '../operation';
import { GRANT_TOKENS_RULE, InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<DescribeKeyCommandOutput, '$metadata'>;

/** Any key state; key id, key ARN, alias name or alias ARN; other accounts' keys by ARN. */
export function describeKey(input: DescribeKeyCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const grantTokens = v.stringList('GrantTokens', GRANT_TOKENS_RULE);
  v.done();

  const { key, requestAlias } = resolveKey(ctx, keyId);
  ctx.authorize({ action: 'kms:DescribeKey', key, requestAlias, grantTokens });
  return { KeyMetadata: describeStoredKey(ctx.store, key) };
}
