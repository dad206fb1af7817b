import { QueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { RuntimeConfig } from './config';
import type { SessionState } from './session-manager';
import type { ActiveSession, CallerIdentity } from './session-runtime';
import type { SignInRequest } from './sign-in-request';
import type { ThrottleState } from './throttle-monitor';

/** The heavy part (SDK clients) loads on first sign-in, so the sign-in page itself stays small. */
const loadRuntime = () => import('./session-runtime');

export interface SignedInSession extends ActiveSession {
  queryClient: QueryClient;
}

type Phase =
  { phase: 'loading' } | { phase: 'signed-out' } | { phase: 'signed-in'; session: SignedInSession };

interface SessionContextValue {
  config: RuntimeConfig;
  phase: Phase;
  /** Last sign-in settings of this tab (without secrets), to prefill the form. */
  lastRequest: SignInRequest | undefined;
  signIn(request: SignInRequest): Promise<void>;
  reauthenticate(request: SignInRequest): Promise<void>;
  /** Talks to another Region with the same credentials: new clients, pages and caches. */
  switchRegion(region: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Errors worth retrying: not access denied, not validation, not a missing key. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const final = new Set([
    'AccessDeniedException',
    'NotFoundException',
    'ValidationException',
    'DisabledException',
    'KMSInvalidStateException',
    'UnsupportedOperationException',
    'InvalidArnException',
    'SessionExpiredError',
    'UnrecognizedClientException',
    'InvalidSignatureException',
  ]);
  return failureCount < 2 && !final.has(name);
}

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(8000, 1000 * 2 ** attempt),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

const LAST_REQUEST_KEY = 'kms-console.last-sign-in';

function rememberRequest(request: SignInRequest): void {
  // Only what the form needs to be prefilled: never passwords, secrets or tokens.
  const safe: Record<string, unknown> = {
    method: request.method,
    region: request.region,
    endpoint: request.endpoint,
  };
  if (request.method === 'sandbox') safe.user = request.user;
  if (request.method === 'cognito') {
    safe.identityPoolId = request.identityPoolId;
    if (request.login) {
      safe.login = {
        userPoolId: request.login.userPoolId,
        clientId: request.login.clientId,
        username: request.login.username,
        password: '',
      };
    }
  }
  if (request.method === 'accessKeys') {
    safe.accessKeyId = request.accessKeyId;
    safe.secretAccessKey = '';
  }
  sessionStorage.setItem(LAST_REQUEST_KEY, JSON.stringify(safe));
}

function readLastRequest(): SignInRequest | undefined {
  try {
    const raw = sessionStorage.getItem(LAST_REQUEST_KEY);
    return raw ? (JSON.parse(raw) as SignInRequest) : undefined;
  } catch {
    return undefined;
  }
}

export function SessionProvider({
  config,
  children,
}: {
  config: RuntimeConfig;
  children: ReactNode;
}) {
  const [phase, setPhase] = useState<Phase>({ phase: 'loading' });
  const [lastRequest, setLastRequest] = useState<SignInRequest | undefined>(readLastRequest);
  const ctx = useMemo(() => ({ config, origin: window.location.origin }), [config]);

  useEffect(() => {
    let cancelled = false;
    void loadRuntime().then(
      (runtime) => {
        if (cancelled) return;
        const resumed = runtime.resumeSession(ctx);
        setPhase(
          resumed
            ? { phase: 'signed-in', session: { ...resumed, queryClient: newQueryClient() } }
            : { phase: 'signed-out' },
        );
      },
      () => !cancelled && setPhase({ phase: 'signed-out' }),
    );
    return () => {
      cancelled = true;
    };
  }, [ctx]);

  const signIn = useCallback(
    async (request: SignInRequest) => {
      const runtime = await loadRuntime();
      const session = await runtime.startSession(request, ctx);
      rememberRequest(request);
      setLastRequest(readLastRequest());
      setPhase((previous) => {
        if (previous.phase === 'signed-in') void runtime.endSession(previous.session);
        return { phase: 'signed-in', session: { ...session, queryClient: newQueryClient() } };
      });
    },
    [ctx],
  );

  const reauthenticate = useCallback(
    async (request: SignInRequest) => {
      if (phase.phase !== 'signed-in') return signIn(request);
      const runtime = await loadRuntime();
      const { session } = phase;
      const before = { arn: session.identity.arn, id: session.id };
      const identity = await runtime.reauthenticate(session, request, ctx);
      rememberRequest(request);
      setLastRequest(readLastRequest());
      if (session.id !== before.id) {
        // Signed in for another Region: its pages start afresh, as after switching Region.
        session.queryClient.clear();
        setPhase({
          phase: 'signed-in',
          session: { ...session, identity, queryClient: newQueryClient() },
        });
        return;
      }
      // Another principal must not see the previous one's cached answers.
      if (identity.arn !== before.arn) session.queryClient.clear();
      else
        void session.queryClient.invalidateQueries({
          predicate: (q) => q.state.status === 'error',
        });
      setPhase({ phase: 'signed-in', session: { ...session, identity } });
    },
    [ctx, phase, signIn],
  );

  const switchRegion = useCallback(
    async (region: string) => {
      if (phase.phase !== 'signed-in') return;
      const runtime = await loadRuntime();
      const { session } = phase;
      runtime.changeRegion(session, region);
      // Another Region's answers must not show under this one.
      session.queryClient.clear();
      // "Sign in again" then offers the Region the console is in.
      if (lastRequest) {
        rememberRequest({ ...lastRequest, region });
        setLastRequest(readLastRequest());
      }
      setPhase({ phase: 'signed-in', session: { ...session, queryClient: newQueryClient() } });
    },
    [phase, lastRequest],
  );

  const signOut = useCallback(() => {
    setPhase((previous) => {
      if (previous.phase === 'signed-in') {
        previous.session.queryClient.clear();
        void loadRuntime().then((runtime) => runtime.endSession(previous.session));
      }
      return { phase: 'signed-out' };
    });
  }, []);

  const value = useMemo(
    () => ({ config, phase, lastRequest, signIn, reauthenticate, switchRegion, signOut }),
    [config, phase, lastRequest, signIn, reauthenticate, switchRegion, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only pages behind sign-in use it. */
export function useSession(): SignedInSession {
  const { phase } = useSessionContext();
  if (phase.phase !== 'signed-in') throw new Error('No signed-in session');
  return phase.session;
}

/**
 * Whether the session talks to the sandbox serving this console, so the demo scenario applies: a
 * sandbox-served console may also be pointed at another endpoint (moto, AWS).
 */
export function useTalksToSandbox(): boolean {
  const { config } = useSessionContext();
  const { method, endpoint } = useSession().manager.source.request;
  return config.sandbox && (method === 'sandbox' || endpoint === '');
}

export function useKmsClient() {
  return useSession().clients.kms;
}

export function useCallerIdentity(): CallerIdentity {
  return useSession().identity;
}

/** Credential status (refreshing, retrying, expired), re-rendering only the caller. */
export function useCredentialState(): SessionState {
  const { manager } = useSession();
  return useSyncExternalStore(manager.subscribe, manager.getState);
}

export function useThrottleState(): ThrottleState {
  const { throttle } = useSession().clients;
  return useSyncExternalStore(throttle.subscribe, throttle.getState);
}

export function useClockOffset(): number {
  const { clock } = useSession();
  return useSyncExternalStore(clock.subscribe, clock.getOffset);
}
