import { useCallback, useMemo, useState } from 'react';
import { useKeyMetadata } from '../../api/key-metadata';
import { parseGrantTokens } from './GrantTokensField';
import { keyFieldError } from './KeyField';

/**
 * What every form that names one KMS key keeps: the key (and what DescribeKey says of it), the
 * optional grant tokens, and whether the fields' errors are shown yet (only once the user asks
 * for something the form cannot do incomplete).
 */
export function useKeyedRequest(initialKeyId: string) {
  const [keyId, setKeyId] = useState(initialKeyId);
  const [grantTokens, setGrantTokens] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const key = useKeyMetadata(keyId);
  const tokens = useMemo(() => parseGrantTokens(grantTokens), [grantTokens]);
  const revealErrors = useCallback(() => setShowErrors(true), []);
  return {
    keyId,
    setKeyId,
    key,
    grantTokens,
    setGrantTokens,
    /** The grant tokens as the request takes them (undefined when none). */
    tokens: tokens.tokens,
    showErrors,
    revealErrors,
    /** The key and grant tokens are fine; the form adds its own fields' checks. */
    ready: !keyFieldError(keyId, true) && !tokens.error,
  };
}

export type KeyedRequest = ReturnType<typeof useKeyedRequest>;
