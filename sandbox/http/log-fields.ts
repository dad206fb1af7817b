/** Longest request-supplied text (target, action, origin, user agent) written to a log line. */
export const MAX_LOG_FIELD_CHARS = 120;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional
// overrides: anything that could end a log line early, move the cursor, recolour a terminal or
// make a line read differently from what it contains.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * A request-supplied value as it may appear in a log line: control characters shown as `\xNN`
 * (or `\uNNNN`) escapes (so a request cannot forge or hide log lines), then cut to MAX_LOG_FIELD_CHARS.
 */
export function logField(value: string): string {
  const visible = value.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\x${code.toString(16).padStart(2, '0')}`;
  });
  return visible.length > MAX_LOG_FIELD_CHARS
    ? `${visible.slice(0, MAX_LOG_FIELD_CHARS)}…(${value.length} chars)`
    : visible;
}
