import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, formatUtcDay } from './format';

describe('one date format', () => {
  const when = new Date(2026, 11, 7, 9, 3, 44);

  it('writes a date and time to the second, the time of day as the date-time writes it', () => {
    const written = formatDateTime(when);
    expect(written).toContain('2026');
    expect(written).toContain('44');
    expect(written.endsWith(`, ${formatTime(when)}`)).toBe(true);
  });

  it('writes a UTC day as the date part of a date-time on that day', () => {
    expect(formatDateTime(when).startsWith(`${formatUtcDay('2026-12-07')}, `)).toBe(true);
  });

  it('writes a dash for a missing or invalid date, and keeps a day it cannot read', () => {
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime(new Date('not a date'))).toBe('—');
    expect(formatTime(undefined)).toBe('—');
    expect(formatUtcDay('someday')).toBe('someday');
  });
});
