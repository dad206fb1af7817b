import type { ContextRow, EncryptionContext } from '../../../bytes/encryption-context';

/**
 * The Encrypt form as it was when the user left it for Decrypt or Re-encrypt, kept in the history
 * entry so Back returns to it. Only what is not secret: the key, the encryption context (KMS logs
 * it in clear), the algorithm and the ciphertext; never the plaintext, never grant tokens.
 */
export interface SavedEncryptForm {
  keyId: string;
  contextRows: ContextRow[];
  algorithm: string;
  where: 'kms' | 'browser';
  result?: {
    source: 'kms' | 'browser';
    /** Base64. */
    ciphertext: string;
    /** The key as the user named it, and the context sent. */
    keyId: string;
    context?: EncryptionContext;
    /** What Encrypt answered. */
    keyArn?: string;
    encryptionAlgorithm?: string;
    requestId?: string;
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown) => (isString(value) ? value : undefined);

function readContext(value: unknown): EncryptionContext | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] =>
    isString(entry[1]),
  );
  return Object.fromEntries(entries);
}

function readResult(value: unknown): SavedEncryptForm['result'] {
  if (!isRecord(value) || !isString(value.ciphertext) || !isString(value.keyId)) return undefined;
  return {
    source: value.source === 'browser' ? 'browser' : 'kms',
    ciphertext: value.ciphertext,
    keyId: value.keyId,
    context: readContext(value.context),
    keyArn: optional(value.keyArn),
    encryptionAlgorithm: optional(value.encryptionAlgorithm),
    requestId: optional(value.requestId),
  };
}

/** The form saved in a history entry's state, if it holds one (the state can be anything). */
export function readSavedEncryptForm(state: unknown): SavedEncryptForm | undefined {
  if (!isRecord(state) || !isRecord(state.encryptForm)) return undefined;
  const form = state.encryptForm;
  if (!isString(form.keyId)) return undefined;
  const rows = Array.isArray(form.contextRows) ? form.contextRows : [];
  return {
    keyId: form.keyId,
    contextRows: rows
      .filter(isRecord)
      .map((row) => ({ key: optional(row.key) ?? '', value: optional(row.value) ?? '' })),
    algorithm: optional(form.algorithm) ?? '',
    where: form.where === 'browser' ? 'browser' : 'kms',
    result: readResult(form.result),
  };
}

/** The history state that holds `form`. */
export function savedEncryptFormState(form: SavedEncryptForm): { encryptForm: SavedEncryptForm } {
  return { encryptForm: form };
}
