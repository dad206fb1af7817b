import { ListKeysCommand } from '@aws-sdk/client-kms';
import { parseAccessDenied } from '../policy/access-denied';
import { describeError } from '../kms/errors';
import { createSessionClients, type SessionClients } from './clients';
import { ClockSync } from './clock-sync';
import { blockedSince, EndpointBlockedError, markConnectBlocks } from './connect-blocks';
import type { RuntimeConfig } from './config';
import {
  resumeSource,
  signIn,
  type Credentials,
  type CredentialSource,
  type FallbackIdentity,
  type ResumableSession,
} from './credential-sources';
import { forgetIdentityIds } from './identity-id-cache';
import { SessionManager } from './session-manager';
import type { SignInRequest } from './sign-in-request';

/** Who the console is signed in as, for the header. */
export interface CallerIdentity {
  /** "sts": GetCallerIdentity answered; "credentials": what the sign-in said (STS unreachable). */
  source: 'sts' | 'credentials';
  /** Short name for the header: the user pool username, IAM user name or role session. */
  name: string;
  arn?: string;
  account?: string;
  userId?: string;
  roleArn?: string;
  cognitoIdentityId?: string;
  /** A Cognito guest (unauthenticated identity): Cognito's guest session policy applies. */
  cognitoGuest?: boolean;
}

export interface ActiveSession {
  /** Random per sign-in and Region; React keys and caches are scoped to it. */
  id: string;
  manager: SessionManager;
  clients: SessionClients;
  clock: ClockSync;
  identity: CallerIdentity;
}

export interface RuntimeContext {
  config: RuntimeConfig;
  origin: string;
}

const STORAGE_KEY = 'kms-console.session';
const STS_TIMEOUT_MS = 5000;

function accountOf(arn: string | undefined): string | undefined {
  return arn ? /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] : undefined;
}

/** "admin" for arn:…:user/admin; "KmsOperator/CognitoIdentityCredentials" for a role session. */
export function shortPrincipalName(arn: string): string {
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return user[1];
  const session = /:assumed-role\/(.+)$/.exec(arn);
  if (session) return session[1];
  if (/:root$/.test(arn)) return 'root';
  return arn;
}

function isCognitoGuest(source: CredentialSource): boolean {
  const request = source.request;
  return (
    (request.method === 'sandbox' && request.user === 'guest') ||
    (request.method === 'cognito' && !request.login)
  );
}

function fromFallback(fallback: FallbackIdentity, arn?: string): CallerIdentity {
  return {
    source: 'credentials',
    name: fallback.name,
    arn,
    account: accountOf(arn) ?? fallback.account,
    roleArn: fallback.roleArn,
    cognitoIdentityId: fallback.cognitoIdentityId,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new Error(`No answer within ${ms / 1000} s`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Asks who the credentials belong to (STS GetCallerIdentity). Some endpoints have no STS, and
 * real STS may not answer browsers: then a one-key ListKeys proves the credentials sign
 * correctly (an AccessDenied answer is fine and even names the principal). Errors that mean the
 * credentials are wrong, the clock is off or the endpoint is unreachable end the sign-in.
 */
async function identify(
  clients: SessionClients,
  source: CredentialSource,
  credentials: Credentials,
): Promise<CallerIdentity> {
  const fallback = source.fallbackIdentity(credentials);
  try {
    const caller = await withTimeout(clients.getCallerIdentity(), STS_TIMEOUT_MS);
    const cognitoName = source.method === 'accessKeys' ? undefined : fallback.name;
    return {
      source: 'sts',
      name: cognitoName ?? shortPrincipalName(caller.arn),
      arn: caller.arn,
      account: caller.account,
      userId: caller.userId,
      roleArn: fallback.roleArn,
      cognitoIdentityId: fallback.cognitoIdentityId,
      cognitoGuest: isCognitoGuest(source),
    };
  } catch (stsError) {
    const described = describeError(stsError);
    if (
      described.kind === 'sign-in' ||
      described.kind === 'clock-skew' ||
      described.kind === 'expired'
    ) {
      throw stsError;
    }
  }
  try {
    await clients.kms.send(new ListKeysCommand({ Limit: 1 }));
    return { ...fromFallback(fallback), cognitoGuest: isCognitoGuest(source) };
  } catch (kmsError) {
    if ((kmsError as { name?: string }).name === 'AccessDeniedException') {
      const denied = parseAccessDenied(String((kmsError as Error).message));
      return {
        ...fromFallback(fallback, denied?.principalArn),
        cognitoGuest: isCognitoGuest(source),
      };
    }
    throw kmsError;
  }
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : String(Math.random()).slice(2);
}

/** Keeps a session that has only temporary credentials in this tab's sessionStorage. */
function persist(manager: SessionManager, identity: CallerIdentity): void {
  if (typeof sessionStorage === 'undefined') return;
  const resumable = manager.source.resumable(manager.current);
  if (!resumable) {
    sessionStorage.removeItem(STORAGE_KEY);
    return;
  }
  const { credentials } = resumable;
  sessionStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      version: 1,
      request: resumable.request,
      tokens: resumable.tokens,
      credentials: { ...credentials, expiration: credentials.expiration?.toISOString() },
      identity,
    }),
  );
}

function assemble(
  source: CredentialSource,
  credentials: Credentials,
  clock: ClockSync,
): { manager: SessionManager; clients: SessionClients } {
  const manager = new SessionManager(source, credentials, clock.now);
  const clients = createSessionClients(manager, clock);
  return { manager, clients };
}

export async function startSession(
  request: SignInRequest,
  ctx: RuntimeContext,
): Promise<ActiveSession> {
  const mark = markConnectBlocks();
  try {
    return await openSession(request, ctx);
  } catch (error) {
    const blocked = await blockedSince(mark);
    throw blocked.length > 0 ? new EndpointBlockedError(blocked) : error;
  }
}

async function openSession(request: SignInRequest, ctx: RuntimeContext): Promise<ActiveSession> {
  const clock = new ClockSync();
  const { source, credentials } = await signIn(request, { ...ctx, clock });
  const { manager, clients } = assemble(source, credentials, clock);
  try {
    const identity = await identify(clients, source, credentials);
    manager.start();
    const session: ActiveSession = { id: newId(), manager, clients, clock, identity };
    keepPersisted(session);
    return session;
  } catch (error) {
    manager.dispose();
    clients.destroy();
    throw error;
  }
}

/** Signs in again inside a session whose credentials could not be renewed; pages keep their state. */
export async function reauthenticate(
  session: ActiveSession,
  request: SignInRequest,
  ctx: RuntimeContext,
): Promise<CallerIdentity> {
  const { source, credentials } = await signIn(request, { ...ctx, clock: session.clock });
  const previousRegion = session.manager.source.region;
  session.manager.replace(source, credentials);
  // Signed in again for another Region: the clients follow, as when switching Region.
  if (source.region !== previousRegion) replaceClients(session);
  const identity = await identify(session.clients, source, credentials);
  session.identity = identity;
  persist(session.manager, identity);
  return identity;
}

function keepPersisted(session: ActiveSession): void {
  persist(session.manager, session.identity);
  session.manager.subscribe(() => {
    if (session.manager.getState().status === 'active') persist(session.manager, session.identity);
  });
}

interface StoredSession {
  version: 1;
  request: ResumableSession['request'];
  tokens?: ResumableSession['tokens'];
  credentials: Omit<Credentials, 'expiration'> & { expiration?: string };
  identity: CallerIdentity;
}

function readStored(): StoredSession | undefined {
  if (typeof sessionStorage === 'undefined') return undefined;
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as StoredSession;
    if (stored.version !== 1 || !stored.credentials?.accessKeyId) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

/** Picks up the session kept in this tab (a reload or a deep link), without any request. */
export function resumeSession(ctx: RuntimeContext): ActiveSession | undefined {
  const stored = readStored();
  if (!stored) return undefined;
  try {
    const clock = new ClockSync();
    const credentials: Credentials = {
      ...stored.credentials,
      expiration: stored.credentials.expiration
        ? new Date(stored.credentials.expiration)
        : undefined,
    };
    const source = resumeSource(
      { request: stored.request, tokens: stored.tokens, credentials },
      { ...ctx, clock },
    );
    const { manager, clients } = assemble(source, credentials, clock);
    manager.start();
    const session: ActiveSession = {
      id: newId(),
      manager,
      clients,
      clock,
      identity: stored.identity,
    };
    keepPersisted(session);
    return session;
  } catch {
    forgetSession();
    return undefined;
  }
}

/**
 * Moves the session to another Region: the same credentials (IAM credentials are global; a
 * Cognito identity pool keeps renewing them from its own Region), new clients for the Region, a
 * new id so pages and caches start afresh, and the Region kept for a reload.
 */
export function changeRegion(session: ActiveSession, region: string): void {
  session.manager.relocate(session.manager.source.inRegion(region));
  replaceClients(session);
  persist(session.manager, session.identity);
}

function replaceClients(session: ActiveSession): void {
  const previous = session.clients;
  session.clients = createSessionClients(session.manager, session.clock);
  previous.destroy();
  session.id = newId();
}

/**
 * "Sign out": forgets credentials, tokens and identity ids of this tab, and revokes the user
 * pool's refresh token. The revocation is not awaited: signing out never waits on the network,
 * and an endpoint that cannot revoke (or is down) leaves nothing in this tab to replay.
 */
export function endSession(session: ActiveSession | undefined): Promise<void> {
  const revoked = session?.manager.source.signOut?.().catch(() => undefined) ?? Promise.resolve();
  session?.manager.dispose();
  session?.clients.destroy();
  forgetSession();
  return revoked;
}

function forgetSession(): void {
  if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem(STORAGE_KEY);
  forgetIdentityIds();
}
