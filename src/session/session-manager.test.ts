import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CredentialSource, Credentials } from './credential-sources';
import { SessionExpiredError, SessionManager } from './session-manager';

function credentials(id: string, expiresAt: number): Credentials {
  return {
    accessKeyId: id,
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: new Date(expiresAt),
  };
}

/** A source whose answers the test scripts: credentials lasting `lifetime`, or a failure. */
function fakeSource(lifetime: number) {
  let calls = 0;
  let failing = false;
  const source: CredentialSource = {
    method: 'sandbox',
    request: { method: 'sandbox', user: 'operator', region: 'us-east-1', endpoint: '' },
    region: 'us-east-1',
    endpoint: 'http://sandbox',
    refreshable: true,
    async fetchCredentials() {
      calls += 1;
      if (failing) throw Object.assign(new Error('Failed to fetch'), { name: 'TypeError' });
      return credentials(`ASIA${calls}`, Date.now() + lifetime);
    },
    fallbackIdentity: () => ({ name: 'operator' }),
    resumable: () => undefined,
    inRegion: (region) => ({ ...source, region, request: { ...source.request, region } }),
  };
  return {
    source,
    calls: () => calls,
    fail: (value: boolean) => {
      failing = value;
    },
  };
}

describe('SessionManager', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('renews before expiry and keeps handing out the newest credentials', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 120_000));
    manager.start();
    expect((await manager.credentialProvider()).accessKeyId).toBe('ASIA0');
    await vi.advanceTimersByTimeAsync(89_000);
    expect(fake.calls()).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fake.calls()).toBe(1);
    expect(manager.getState()).toMatchObject({ status: 'active', refreshes: 1 });
    expect((await manager.credentialProvider()).accessKeyId).toBe('ASIA1');
    // And again, 90 s after the renewal.
    await vi.advanceTimersByTimeAsync(91_000);
    expect(fake.calls()).toBe(2);
    manager.dispose();
  });

  it('retries a failed renewal, then reports the session expired', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 120_000));
    const statuses: string[] = [];
    manager.subscribe(() => statuses.push(manager.getState().status));
    manager.start();
    fake.fail(true);
    await vi.advanceTimersByTimeAsync(91_000);
    expect(manager.getState().status).toBe('retrying');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(manager.getState().status).toBe('expired');
    expect(fake.calls()).toBeGreaterThan(3);
    await expect(manager.credentialProvider()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(statuses).toContain('retrying');
    manager.dispose();
  });

  it('recovers when a retry succeeds', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 120_000));
    manager.start();
    fake.fail(true);
    await vi.advanceTimersByTimeAsync(91_000);
    expect(manager.getState().status).toBe('retrying');
    fake.fail(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(manager.getState().status).toBe('active');
    manager.dispose();
  });

  it('renews on demand when asked for credentials that are about to run out', async () => {
    const fake = fakeSource(120_000);
    // Already inside the last 5 s (a background tab whose timers were throttled).
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 3_000));
    expect((await manager.credentialProvider()).accessKeyId).toBe('ASIA1');
    manager.dispose();
  });

  it('deduplicates concurrent renewals', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 1_000));
    await Promise.all([
      manager.credentialProvider(),
      manager.credentialProvider(),
      manager.refresh(),
    ]);
    expect(fake.calls()).toBe(1);
    manager.dispose();
  });

  it('moves to another Region with the same credentials and the same renewal schedule', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 120_000));
    manager.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const before = manager.getState();
    manager.relocate(manager.source.inRegion('eu-west-1'));
    expect(manager.source.region).toBe('eu-west-1');
    expect(manager.getState()).toBe(before);
    expect((await manager.credentialProvider()).accessKeyId).toBe('ASIA0');
    // Renewal still comes 90 s after issue, not 90 s after the move.
    await vi.advanceTimersByTimeAsync(31_000);
    expect(fake.calls()).toBe(1);
    manager.dispose();
  });

  it('takes new credentials after signing in again, keeping the same manager', async () => {
    const fake = fakeSource(120_000);
    const manager = new SessionManager(fake.source, credentials('ASIA0', Date.now() + 1_000));
    fake.fail(true);
    await manager.refresh();
    expect(manager.getState().status).toBe('expired');
    manager.replace(fake.source, credentials('ASIA9', Date.now() + 120_000));
    expect(manager.getState().status).toBe('active');
    expect((await manager.credentialProvider()).accessKeyId).toBe('ASIA9');
    manager.dispose();
  });
});
