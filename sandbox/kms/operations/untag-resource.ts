import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-kms';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
import type { OperationContext } from '../operation';
import { requireUserTagKey } from '../tags';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<UntagResourceCommandOutput, '$metadata'>;

/** Removing a tag key the key doesn't have is not an error, as in KMS. */
export function untagResource(input: UntagResourceCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const tagKeys = v.stringList('TagKeys', { required: true, item: { min: 1, max: 128 } });
  v.done();
  for (const tagKey of tagKeys) requireUserTagKey(tagKey);

  const key = ownKeyToChange(ctx, keyId, 'UntagResource', { 'aws:TagKeys': tagKeys });
  requireNotPendingDeletion(key);

  ctx.store.transaction(() => {
    for (const tagKey of tagKeys) ctx.store.tags.delete(key, tagKey);
  });
  return {};
}
