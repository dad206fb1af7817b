import { useEffect, useState } from 'react';

/** Waits for typing to pause, so "alias/d", "alias/de"… are not each checked with a dozen calls. */
const SETTLE_MS = 350;

/** `value` once it has stayed the same for a moment; `equal` decides what counts as the same. */
export function useSettled<T>(value: T, equal: (a: T, b: T) => boolean = Object.is): T {
  const [settled, setSettled] = useState(value);
  const same = equal(value, settled);
  useEffect(() => {
    if (same) return;
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value, same]);
  return settled;
}

export function sameRecord(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

/** `value` when it is known; while it is `undefined`, the last value that was known. */
export function useLastKnown<T>(value: T | undefined, initial: T): T {
  const [known, setKnown] = useState<T>(value ?? initial);
  // Adjusting state while rendering (React's documented pattern): no effect, no extra frame.
  if (value !== undefined && !Object.is(value, known)) setKnown(value);
  return value ?? known;
}
