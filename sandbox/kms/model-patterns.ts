import type { InputValidator } from './validation';

/*
 * Patterns of the KMS model that AWS quotes verbatim in its validation messages. The model's
 * patterns aren't anchored, yet AWS applies them to the whole value.
 */
export const POLICY_PATTERN = String.raw`[\u0009\u000A\u000D\u0020-\u00FF]+`;
export const POLICY_NAME_PATTERN = String.raw`[\w]+`;

const compiled = new Map<string, RegExp>();

/** Records a pattern violation worded as AWS words it, quoting the model's pattern. */
export function checkModelPattern(
  v: InputValidator,
  name: string,
  value: string,
  source: string,
): void {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, 'u');
    compiled.set(source, pattern);
  }
  if (!pattern.test(value)) {
    v.fail(name, `'${value}'`, `Member must satisfy regular expression pattern: ${source}`);
  }
}
