import { describe, expect, it } from 'vitest';
import {
  formatTimeLeft,
  isUsable,
  refreshDelay,
  refreshMargin,
  retryDelay,
} from './refresh-schedule';

describe('refresh schedule', () => {
  it('renews one-hour credentials five minutes early', () => {
    expect(refreshMargin(3600_000)).toBe(300_000);
    expect(refreshDelay(0, 0, 3600_000)).toBe(3300_000);
  });

  it('renews short credentials a quarter of their lifetime early, at least 10 s', () => {
    expect(refreshDelay(0, 0, 120_000)).toBe(90_000);
    expect(refreshDelay(0, 0, 30_000)).toBe(20_000);
    expect(refreshMargin(8_000)).toBe(10_000);
  });

  it('renews at once when the refresh point has passed', () => {
    expect(refreshDelay(100_000, 0, 120_000)).toBe(0);
  });

  it('retries failed renewals with backoff, never beyond the expiry', () => {
    expect(retryDelay(0, 600_000, 1)).toBe(1000);
    expect(retryDelay(0, 600_000, 3)).toBe(4000);
    expect(retryDelay(0, 600_000, 10)).toBe(30_000);
    expect(retryDelay(0, 6_000, 5)).toBe(3000);
    expect(retryDelay(6_000, 6_000, 1)).toBeUndefined();
  });

  it('does not hand out credentials that expire within 5 s', () => {
    expect(isUsable(0, 4_000)).toBe(false);
    expect(isUsable(0, 6_000)).toBe(true);
    expect(isUsable(0, undefined)).toBe(true);
  });

  it('formats the time left like a clock', () => {
    expect(formatTimeLeft(119_400)).toBe('1:59');
    expect(formatTimeLeft(9_000)).toBe('0:09');
    expect(formatTimeLeft(3_725_000)).toBe('1:02:05');
    expect(formatTimeLeft(-5)).toBe('0:00');
  });
});
