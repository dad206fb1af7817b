import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';

/**
 * Checks the encrypt form's key list: every entry a key reference KMS accepts, no duplicates, and
 * ARNs in the session's region (the session's one KMS client serves every key; a key in another
 * region would need another regional endpoint). Returns one problem per row, or undefined.
 */
export function keyProblems(keys: readonly string[], region: string): (string | undefined)[] {
  return keys.map((key, index) => {
    const parsed = parseKeyReference(key);
    if (!isKeyReference(parsed)) return parsed.error;
    if (parsed.region && parsed.region !== region) {
      return `This key is in ${parsed.region}; the console is signed in to ${region}.`;
    }
    if (keys.findIndex((other) => other.trim() === key.trim()) !== index) {
      return 'This key is already in the list.';
    }
    return undefined;
  });
}
