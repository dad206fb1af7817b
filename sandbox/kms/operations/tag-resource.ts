import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-kms';
import { requireNotPendingDeletion } from '../key-lookup';
import { ownKeyToChange } from '../key-management';
import type { OperationContext } from '../operation';
import { checkTagRules, readTags, tagConditionKeys } from '../tags';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<TagResourceCommandOutput, '$metadata'>;

/** Adds tags; a tag key the key already has gets the new value. */
export function tagResource(input: TagResourceCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const tags = readTags(v, true);
  v.done();

  const key = ownKeyToChange(ctx, keyId, 'TagResource', tagConditionKeys(tags));
  requireNotPendingDeletion(key);
  checkTagRules(
    tags,
    ctx.store.tags.listForKey(key).map((tag) => tag.TagKey),
  );

  ctx.store.transaction(() => {
    for (const tag of tags) ctx.store.tags.put(key, tag);
  });
  return {};
}
