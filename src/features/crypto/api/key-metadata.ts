import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { describeKeyQueryOptions } from '../../../kms/api/describe-key';
import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { useKmsClient } from '../../../session/SessionProvider';

/** Waits for typing to pause before describing the key, so "alias/d", "alias/de"… are not looked up. */
const SETTLE_MS = 350;

function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value, settled]);
  return settled;
}

/**
 * DescribeKey for the key typed in a form (shared with the keys pages through the query cache),
 * used to offer the key's algorithms. Failures (no kms:DescribeKey, unknown key) only mean the
 * form cannot narrow its choices: the operation itself will say what is wrong.
 */
export function useKeyMetadata(keyRef: string) {
  const kms = useKmsClient();
  const trimmed = keyRef.trim();
  const settled = useSettled(trimmed);
  const valid = settled !== '' && isKeyReference(parseKeyReference(settled));
  const query = useQuery({
    ...describeKeyQueryOptions(kms, settled),
    enabled: valid,
    retry: false,
  });
  const current = valid && settled === trimmed;
  return {
    metadata: current ? query.data : undefined,
    /** True while the typed key is being described (or typing has not settled). */
    loading: trimmed !== '' && (settled !== trimmed || (valid && query.isFetching && !query.data)),
    error: current ? query.error : undefined,
  };
}
