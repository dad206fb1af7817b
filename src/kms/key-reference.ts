/** The four ways KMS accepts a key in a `KeyId` parameter. */
export type KeyReferenceKind = 'key-id' | 'key-arn' | 'alias-name' | 'alias-arn';

export interface KeyReference {
  kind: KeyReferenceKind;
  value: string;
  /** For ARNs: the account and region they name. */
  account?: string;
  region?: string;
}

const KEY_ID =
  /^(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const KEY_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):(alias\/[\w/-]+)$/;
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]+$/;

/**
 * Classifies what the user typed, or returns a sentence saying what is wrong. Every key field in
 * the console accepts all four forms, so a principal who may not list keys can still work.
 */
export function parseKeyReference(input: string): KeyReference | { error: string } {
  const value = input.trim();
  if (value === '') return { error: 'Enter a key ID, key ARN, alias name or alias ARN.' };
  if (value.length > 2048) return { error: 'A key reference is at most 2048 characters.' };
  if (KEY_ID.test(value)) return { kind: 'key-id', value };
  const keyArn = KEY_ARN.exec(value);
  if (keyArn) return { kind: 'key-arn', value, region: keyArn[1], account: keyArn[2] };
  const aliasArn = ALIAS_ARN.exec(value);
  if (aliasArn) return { kind: 'alias-arn', value, region: aliasArn[1], account: aliasArn[2] };
  if (ALIAS_NAME.test(value)) return { kind: 'alias-name', value };
  if (value.startsWith('arn:')) {
    return {
      error:
        'That ARN is not a KMS key or alias ARN (arn:aws:kms:region:account:key/… or :alias/…).',
    };
  }
  if (value.startsWith('alias')) {
    return { error: 'Alias names look like alias/my-key (letters, digits, / _ -).' };
  }
  return {
    error:
      'Not a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), key ARN, alias name (alias/…) or alias ARN.',
  };
}

export function isKeyReference(result: KeyReference | { error: string }): result is KeyReference {
  return 'kind' in result;
}

/** AWS managed keys' aliases start with alias/aws/; nobody may create, change or delete those. */
export function isAwsManagedAlias(aliasName: string): boolean {
  return aliasName.startsWith('alias/aws/');
}

/** The alias name rules CreateAlias enforces, checked before sending. */
export function validateAliasName(name: string): string | undefined {
  if (!name.startsWith('alias/')) return 'Alias names start with alias/.';
  if (name.length > 256) return 'Alias names are at most 256 characters.';
  if (!ALIAS_NAME.test(name))
    return 'Use letters, digits, slashes (/), underscores (_) and dashes (-).';
  if (isAwsManagedAlias(name))
    return 'Names starting with alias/aws/ are reserved for AWS managed keys.';
  return undefined;
}

/**
 * The bare key id a key id or key ARN names (`1234abcd-…`), under which everything about the key
 * is cached; undefined for an alias, whose key can change, and for anything that is not a key.
 */
export function bareKeyId(keyRef: string): string | undefined {
  const parsed = parseKeyReference(keyRef);
  if (!isKeyReference(parsed)) return undefined;
  if (parsed.kind === 'key-id') return parsed.value;
  if (parsed.kind === 'key-arn') return parsed.value.slice(parsed.value.indexOf(':key/') + 5);
  return undefined;
}
