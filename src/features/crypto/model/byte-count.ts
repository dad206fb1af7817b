/** A byte count typed by the user (NumberOfBytes: 1 to `max`), or why it is not one. */
export function parseByteCount(text: string, max: number): { value?: number; error?: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed))
    return { error: `Enter a whole number from 1 to ${max.toLocaleString('en-US')}.` };
  const value = Number(trimmed);
  if (value < 1 || value > max) {
    return {
      error: `${value.toLocaleString('en-US')} is out of range: 1 to ${max.toLocaleString('en-US')}.`,
    };
  }
  return { value };
}
