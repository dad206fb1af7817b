import type {
  ListResourceTagsCommandInput,
  ListResourceTagsCommandOutput,
} from '@aws-sdk/client-kms';
import { ownKeyToRead } from '../key-management';
import type { OperationContext } from '../operation';
import { paginate, readPageRequest } from '../pagination';
import { InputValidator, KEY_ID_RULE } from '../validation';

type Output = Omit<ListResourceTagsCommandOutput, '$metadata'>;

/** Tags by key, in every key state. */
export function listResourceTags(
  input: ListResourceTagsCommandInput,
  ctx: OperationContext,
): Output {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  // The reference documents 1–50, default 50; the model accepts up to 1000.
  const page = readPageRequest(v, { limit: 50, max: 50 });
  v.done();

  const key = ownKeyToRead(ctx, keyId, 'ListResourceTags');

  const { items, Truncated, NextMarker } = paginate(
    ctx.store.tags.listForKey(key),
    page,
    (tag) => tag.TagKey,
  );
  return { Tags: items, Truncated, NextMarker };
}
