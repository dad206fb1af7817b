import type { StringRule } from './validation';

/**
 * A pattern of an AWS model as a StringRule part. The model's patterns aren't anchored, yet AWS
 * applies them to the whole value and quotes them verbatim in its validation messages.
 */
export function modelPattern(source: string): Pick<StringRule, 'pattern' | 'patternText'> {
  return { pattern: new RegExp(`^(?:${source})$`, 'u'), patternText: source };
}

export const POLICY_PATTERN = modelPattern(String.raw`[\u0009\u000A\u000D\u0020-\u00FF]+`);
export const POLICY_NAME_PATTERN = modelPattern(String.raw`[\w]+`);
/** BackingKeyIdType: a KeyMaterialId. */
/** RegionType (ReplicateKey's ReplicaRegion, UpdatePrimaryRegion's PrimaryRegion). */
export const REGION_PATTERN = modelPattern(String.raw`^([a-z]+-){2,3}\d+$`);
export const KEY_MATERIAL_ID_PATTERN = modelPattern('^[a-f0-9]+$');
export const KEY_MATERIAL_DESCRIPTION_PATTERN = modelPattern(String.raw`^[a-zA-Z0-9:/_\s.-]+$`);
