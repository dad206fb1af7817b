import { useCallback, useMemo, useState } from 'react';
import { useKeyLookup } from '../../../../kms/api/describe-key';
import { parseGrantTokens } from './GrantTokensField';
import { keyFieldError } from './KeyField';

/** One key field: what was typed, and what DescribeKey says of the key it names. */
export function useKeyChoice(initialKeyId: string, required = true) {
  const [keyId, setKeyId] = useState(initialKeyId);
  const { metadata, loading } = useKeyLookup(keyId);
  return {
    keyId,
    setKeyId,
    metadata,
    /** True while the typed key is being described (or typing has not settled). */
    loading,
    required,
    /** The key as a request names it; '' when the field is empty. */
    id: keyId.trim(),
    /** Why the field cannot be sent, or undefined (empty and optional is fine). */
    error: keyFieldError(keyId, required),
  };
}

export type KeyChoice = ReturnType<typeof useKeyChoice>;

/**
 * What every form that names a KMS key keeps: the key (required unless the operation can do
 * without, as Decrypt can), the optional grant tokens, and whether the fields' errors are shown
 * yet (only once the user asks for something the form cannot do incomplete).
 */
export function useKeyedRequest(initialKeyId: string, { keyRequired = true } = {}) {
  const key = useKeyChoice(initialKeyId, keyRequired);
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const tokens = useMemo(() => parseGrantTokens(grantTokens), [grantTokens]);
  const revealErrors = useCallback(() => setShowErrors(true), []);
  return {
    key,
    grantTokens,
    setGrantTokens,
    /** The grant tokens as the request takes them (undefined when none). */
    tokens: tokens.tokens,
    showErrors,
    revealErrors,
    /** The key and grant tokens are fine; the form adds its own fields' checks. */
    ready: !key.error && !tokens.error,
  };
}

export type KeyedRequest = ReturnType<typeof useKeyedRequest>;
