import type { KMSClient } from '@aws-sdk/client-kms';
import { createSessionClients, type SessionClients } from '../../../session/clients';
import { ClockSync } from '../../../session/clock-sync';
import type { RuntimeConfig } from '../../../session/config';
import { signIn } from '../../../session/credential-sources';
import { memoryIdentityIdStorage } from '../../../session/identity-id-cache';
import { SessionManager } from '../../../session/session-manager';
import type { SandboxUser } from '../../../session/sign-in-request';
import { callerFromArn, type Caller } from '../model/caller';

/*
 * The sandbox's scenario users, signed in behind the scenes exactly as the sign-in page signs
 * them in (src/session: user pool, then identity pool credentials), to compare what each may do.
 * Their credentials live in these objects only: never in storage, and the identity ids Cognito
 * hands out go to a memory cache, so the signed-in session's own sessionStorage is untouched.
 */

export interface ScenarioSession {
  user: SandboxUser;
  kms: KMSClient;
  /** From STS GetCallerIdentity; undefined if STS did not answer. */
  caller?: Caller;
}

interface Live {
  session: ScenarioSession;
  manager: SessionManager;
  clients: SessionClients;
}

export interface ScenarioConnection {
  config: RuntimeConfig;
  origin: string;
  region: string;
  /** The endpoint as the signed-in session's sign-in typed it ("" = this console's default). */
  endpoint: string;
}

export class ScenarioSessions {
  private readonly live = new Map<SandboxUser, Promise<Live>>();
  private generation = 0;

  constructor(private readonly connection: ScenarioConnection) {}

  /** Signs `user` in on first use; later calls share that session (renewed before it expires). */
  async session(user: SandboxUser): Promise<ScenarioSession> {
    let pending = this.live.get(user);
    if (pending === undefined) {
      const generation = this.generation;
      pending = this.start(user);
      this.live.set(user, pending);
      pending.catch(() => {
        // A failed sign-in is not kept: the next call tries again.
        if (this.live.get(user) === pending) this.live.delete(user);
      });
      const started = await pending;
      // Disposed while signing in (the page went away): don't keep credentials nobody uses.
      if (generation !== this.generation) {
        stop(started);
        return this.session(user);
      }
      return started.session;
    }
    return (await pending).session;
  }

  /** Forgets every scenario session (their credentials are dropped with these objects). */
  dispose(): void {
    this.generation += 1;
    for (const pending of this.live.values()) pending.then(stop, () => undefined);
    this.live.clear();
  }

  private async start(user: SandboxUser): Promise<Live> {
    const { config, origin, region, endpoint } = this.connection;
    const clock = new ClockSync();
    const { source, credentials } = await signIn(
      { method: 'sandbox', user, region, endpoint },
      { config, origin, clock, identityIds: memoryIdentityIdStorage() },
    );
    const manager = new SessionManager(source, credentials, clock.now);
    const clients = createSessionClients(manager, clock);
    manager.start();
    let caller: Caller | undefined;
    try {
      const identity = await clients.getCallerIdentity();
      caller = callerFromArn(identity.arn, identity.account);
    } catch {
      caller = undefined;
    }
    return { session: { user, kms: clients.kms, ...(caller ? { caller } : {}) }, manager, clients };
  }
}

function stop(live: Live): void {
  live.manager.dispose();
  live.clients.destroy();
}
