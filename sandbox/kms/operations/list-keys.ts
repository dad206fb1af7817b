import type { ListKeysCommandInput, ListKeysCommandOutput } from '@aws-sdk/client-kms';
import { invalidMarker } from '../../protocol/errors';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<ListKeysCommandOutput, '$metadata'>;

/** Markers are opaque to callers; ours carry the last key id returned. */
const encodeMarker = (keyId: string) => Buffer.from(keyId, 'utf8').toString('base64url');
const decodeMarker = (marker: string) => Buffer.from(marker, 'base64url').toString('utf8');

export function listKeys(input: ListKeysCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const limit = v.integer('Limit', { min: 1, max: 1000 }) ?? 100;
  const marker = v.string('Marker', { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
  v.done();
  ctx.authorize({ action: 'kms:ListKeys' });

  const after = marker === undefined ? undefined : decodeMarker(marker);
  if (after !== undefined && !ctx.store.keys.get({ region: ctx.region, keyId: after })) {
    throw invalidMarker();
  }
  const page = ctx.store.keys.list(ctx.scope, limit + 1, after);
  const truncated = page.length > limit;
  const keys = truncated ? page.slice(0, limit) : page;
  return {
    Keys: keys.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })),
    Truncated: truncated,
    NextMarker: truncated ? encodeMarker(keys[keys.length - 1].keyId) : undefined,
  };
}
