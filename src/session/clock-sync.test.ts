import { describe, expect, it } from 'vitest';
import { ClockSync, describeClockOffset } from './clock-sync';

describe('ClockSync', () => {
  it('learns the endpoint clock from Date headers', () => {
    let local = Date.parse('2026-01-01T01:00:00Z');
    const clock = new ClockSync(() => local);
    clock.observe('Thu, 01 Jan 2026 00:00:00 GMT');
    // Local clock one hour ahead: the offset brings it back (within the header's second).
    expect(clock.offset).toBeGreaterThan(-3600_000 - 1);
    expect(clock.offset).toBeLessThan(-3600_000 + 1000);
    local += 10_000;
    expect(Math.abs(clock.now() - Date.parse('2026-01-01T00:00:10Z'))).toBeLessThan(1000);
  });

  it('ignores differences within the header resolution and latency', () => {
    const clock = new ClockSync(() => Date.parse('2026-01-01T00:00:01.500Z'));
    clock.observe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(clock.offset).toBe(0);
  });

  it('ignores missing or unreadable headers', () => {
    const clock = new ClockSync(() => 0);
    clock.observe(undefined);
    clock.observe('not a date');
    expect(clock.offset).toBe(0);
  });

  it('notifies listeners when the offset changes', () => {
    const clock = new ClockSync(() => Date.parse('2026-01-01T00:10:00Z'));
    let calls = 0;
    clock.subscribe(() => calls++);
    clock.observe('Thu, 01 Jan 2026 00:00:00 GMT');
    clock.observe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(calls).toBe(1);
  });

  it('says how far the local clock is off', () => {
    expect(describeClockOffset(-3600_000)).toBe('60 minutes ahead of');
    expect(describeClockOffset(7_200_000)).toBe('2 hours behind');
    expect(describeClockOffset(-60_000)).toBe('1 minute ahead of');
  });
});
