import type { Tag } from '@aws-sdk/client-kms';
import { tagException, wrongJsonType } from '../protocol/errors';
import type { TagRecord } from '../store/records';
import type { InputValidator } from './validation';

/** Tags per KMS key (the AWS quota). */
export const MAX_TAGS_PER_KEY = 50;

const notATagList = (name: string) => wrongJsonType(name, 'a list of tags');

/**
 * Reads a TagList member (CreateKey and TagResource), reporting length violations at AWS's paths
 * (`tags.1.member.tagKey`). Call checkTagRules after `v.done()`.
 */
export function readTags(v: InputValidator, required: true): TagRecord[];
export function readTags(v: InputValidator, required: false): TagRecord[] | undefined;
export function readTags(v: InputValidator, required: boolean): TagRecord[] | undefined {
  const name = 'Tags';
  const raw = v.object<unknown>(name, { required });
  if (raw === undefined) return required ? [] : undefined;
  if (!Array.isArray(raw)) throw notATagList(name);
  const tags: TagRecord[] = [];
  raw.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw notATagList(name);
    const tag = entry as Partial<Record<keyof Tag, unknown>>;
    const path = `tags.${index + 1}.member`;
    const key = tag.TagKey ?? undefined;
    const value = tag.TagValue ?? undefined;
    if (
      (key !== undefined && typeof key !== 'string') ||
      (value !== undefined && typeof value !== 'string')
    ) {
      throw notATagList(name);
    }
    if (key === undefined) v.fail(`${path}.tagKey`, 'null', 'Member must not be null');
    else if (key.length < 1) {
      v.fail(`${path}.tagKey`, `'${key}'`, 'Member must have length greater than or equal to 1');
    } else if (key.length > 128) {
      v.fail(`${path}.tagKey`, `'${key}'`, 'Member must have length less than or equal to 128');
    }
    if (value === undefined) {
      v.fail(`${path}.tagValue`, 'null', 'Member must not be null');
    } else if (value.length > 256) {
      v.fail(`${path}.tagValue`, `'${value}'`, 'Member must have length less than or equal to 256');
    }
    tags.push({ TagKey: key ?? '', TagValue: value ?? '' });
  });
  return tags;
}

/** The `aws:` prefix belongs to AWS, whatever its case. */
export function requireUserTagKey(tagKey: string): void {
  if (tagKey.toLowerCase().startsWith('aws:')) {
    throw tagException('Tags beginning with aws: are reserved');
  }
}

/** The rules KMS checks after the request's shape: duplicates, the quota, reserved keys. */
export function checkTagRules(
  tags: readonly TagRecord[],
  existingKeys: readonly string[] = [],
): void {
  const keys = new Set(tags.map((tag) => tag.TagKey));
  if (keys.size < tags.length) throw tagException('Duplicate tag keys');
  const total = new Set([...existingKeys, ...keys]).size;
  if (tags.length > MAX_TAGS_PER_KEY || total > MAX_TAGS_PER_KEY)
    throw tagException('Too many tags');
  for (const tag of tags) requireUserTagKey(tag.TagKey);
}

/** Condition keys a tagging request carries: aws:RequestTag/<key> and aws:TagKeys. */
export function tagConditionKeys(tags: readonly TagRecord[]): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((tag) => tag.TagKey) };
  for (const tag of tags) keys[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue;
  return keys;
}
