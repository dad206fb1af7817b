import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { syncClockOf, type ClockSync } from './clock-sync';
import type { RuntimeConfig } from './config';
import { resolveEndpoint } from './config';
import { sessionIdentityIdStorage, type IdentityIdStorage } from './identity-id-cache';
import {
  SANDBOX_COGNITO,
  SANDBOX_PASSWORDS,
  regionOfPoolId,
  type SignInMethod,
  type SignInRequest,
} from './sign-in-request';
import { UserPoolSession, userPoolProviderName, type UserPoolTokens } from './user-pool';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Absent for long-term access keys. */
  expiration?: Date;
}

/** What the console can say about the caller without asking STS. */
export interface FallbackIdentity {
  /** Short, human: "operator", "guest", "AKIAIOSFODNN7EXAMPLE". */
  name: string;
  /** Role the credentials are for, when the sign-in names it (the ID token's preferred role). */
  roleArn?: string;
  account?: string;
  cognitoIdentityId?: string;
}

/** A sign-in request without its secrets: safe to show, to keep in sessionStorage and to prefill. */
export type SafeSignInRequest =
  | Extract<SignInRequest, { method: 'sandbox' }>
  | (Omit<Extract<SignInRequest, { method: 'cognito' }>, 'login'> & {
      login?: { userPoolId: string; clientId: string; username: string };
    })
  | Omit<Extract<SignInRequest, { method: 'accessKeys' }>, 'secretAccessKey' | 'sessionToken'>;

export function withoutSecrets(request: SignInRequest): SafeSignInRequest {
  switch (request.method) {
    case 'sandbox':
      return { ...request };
    case 'cognito': {
      const { login, ...rest } = request;
      return login
        ? {
            ...rest,
            login: {
              userPoolId: login.userPoolId,
              clientId: login.clientId,
              username: login.username,
            },
          }
        : rest;
    }
    case 'accessKeys': {
      const { secretAccessKey: _secret, sessionToken: _token, ...rest } = request;
      return rest;
    }
  }
}

/** Everything needed to pick a session up again after a reload (sessionStorage only). */
export interface ResumableSession {
  request: SafeSignInRequest;
  tokens?: UserPoolTokens;
  credentials: Credentials;
}

/** Where credentials come from, and how to get fresh ones before they expire. */
export interface CredentialSource {
  readonly method: SignInMethod;
  readonly request: SafeSignInRequest;
  readonly region: string;
  /** Endpoint for KMS, STS and Cognito; undefined means AWS's regional endpoints. */
  readonly endpoint: string | undefined;
  /** False for long-term access keys: nothing to refresh. */
  readonly refreshable: boolean;
  fetchCredentials(): Promise<Credentials>;
  fallbackIdentity(credentials: Credentials): FallbackIdentity;
  /** Undefined when the source holds long-term secrets that must never be stored. */
  resumable(credentials: Credentials): ResumableSession | undefined;
  /**
   * The same sign-in, for clients in another Region. Credentials are global; a Cognito identity
   * pool and user pool stay in their own Region (their ids name it), which renewals still use.
   */
  inRegion(region: string): CredentialSource;
  /** Ends the sign-in where the endpoint keeps one (a user pool's refresh token). */
  signOut?(): Promise<void>;
}

export interface SourceContext {
  config: RuntimeConfig;
  origin: string;
  clock: ClockSync;
  identityIds?: IdentityIdStorage;
}

function userPoolClient(region: string, endpoint: string | undefined, clock: ClockSync) {
  const client = new CognitoIdentityProviderClient({ region, endpoint, maxAttempts: 2 });
  syncClockOf(client, clock);
  return client;
}

/** The Cognito identity pool sign-in the "Sandbox" and "Cognito identity pool" choices share. */
interface CognitoSettings {
  region: string;
  endpoint: string | undefined;
  identityPoolId: string;
  userPoolId?: string;
  clientId?: string;
  username?: string;
}

class CognitoSource implements CredentialSource {
  readonly refreshable = true;
  private readonly provider: () => Promise<Credentials & { identityId?: string }>;
  private identityId: string | undefined;

  constructor(
    readonly request: SafeSignInRequest,
    private readonly settings: CognitoSettings,
    private readonly userPool: UserPoolSession | undefined,
    private readonly identityIds: IdentityIdStorage,
  ) {
    const logins =
      userPool && settings.userPoolId
        ? {
            [userPoolProviderName(
              regionOfPoolId(settings.userPoolId) ?? settings.region,
              settings.userPoolId,
            )]: userPool.currentIdToken,
          }
        : undefined;
    this.provider = fromCognitoIdentityPool({
      identityPoolId: settings.identityPoolId,
      logins,
      // Authenticated identity ids are cached per user, so a reload skips GetId like the SDK
      // does for guests ("ANONYMOUS").
      userIdentifier: logins ? `${settings.userPoolId}/${settings.username}` : undefined,
      cache: identityIds,
      clientConfig: {
        region: regionOfPoolId(settings.identityPoolId) ?? settings.region,
        endpoint: settings.endpoint,
        maxAttempts: 2,
      },
    });
  }

  get method(): SignInMethod {
    return this.request.method;
  }
  get region(): string {
    return this.settings.region;
  }
  get endpoint(): string | undefined {
    return this.settings.endpoint;
  }

  async fetchCredentials(): Promise<Credentials> {
    const issued = await this.provider();
    this.identityId = issued.identityId ?? this.identityId;
    return {
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      expiration: issued.expiration,
    };
  }

  fallbackIdentity(): FallbackIdentity {
    const claims = this.userPool?.claims;
    const roleArn = claims?.['cognito:preferred_role'];
    return {
      name: claims?.['cognito:username'] ?? this.settings.username ?? 'guest',
      roleArn,
      account: roleArn ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined,
      cognitoIdentityId: this.identityId,
    };
  }

  resumable(credentials: Credentials): ResumableSession {
    return { request: this.request, tokens: this.userPool?.tokens, credentials };
  }

  inRegion(region: string): CredentialSource {
    const moved = new CognitoSource(
      { ...this.request, region },
      { ...this.settings, region },
      this.userPool,
      this.identityIds,
    );
    moved.identityId = this.identityId;
    return moved;
  }

  async signOut(): Promise<void> {
    await this.userPool?.revoke();
  }
}

class AccessKeySource implements CredentialSource {
  readonly method = 'accessKeys';
  readonly refreshable = false;

  constructor(
    readonly request: SafeSignInRequest,
    readonly region: string,
    readonly endpoint: string | undefined,
    private readonly credentials: Credentials,
  ) {}

  async fetchCredentials(): Promise<Credentials> {
    return this.credentials;
  }

  fallbackIdentity(credentials: Credentials): FallbackIdentity {
    return { name: credentials.accessKeyId };
  }

  resumable(): undefined {
    return undefined;
  }

  inRegion(region: string): CredentialSource {
    return new AccessKeySource(
      { ...this.request, region },
      region,
      this.endpoint,
      this.credentials,
    );
  }
}

function cognitoSettings(
  request: Extract<SignInRequest, { method: 'sandbox' | 'cognito' }>,
  ctx: SourceContext,
): CognitoSettings {
  const endpoint = resolveEndpoint(request.endpoint, ctx.config.sandbox, ctx.origin);
  if (request.method === 'sandbox') {
    const guest = request.user === 'guest';
    return {
      region: request.region,
      endpoint,
      identityPoolId: SANDBOX_COGNITO.identityPoolId,
      userPoolId: guest ? undefined : SANDBOX_COGNITO.userPoolId,
      clientId: guest ? undefined : SANDBOX_COGNITO.clientId,
      username: guest ? undefined : request.user,
    };
  }
  return {
    region: request.region,
    endpoint,
    identityPoolId: request.identityPoolId,
    userPoolId: request.login?.userPoolId,
    clientId: request.login?.clientId,
    username: request.login?.username,
  };
}

/** Signs in (user pool first when there is a login) and returns the source with its first credentials. */
export async function signIn(
  request: SignInRequest,
  ctx: SourceContext,
): Promise<{ source: CredentialSource; credentials: Credentials }> {
  const identityIds = ctx.identityIds ?? sessionIdentityIdStorage();
  if (request.method === 'accessKeys') {
    const credentials: Credentials = {
      accessKeyId: request.accessKeyId,
      secretAccessKey: request.secretAccessKey,
      sessionToken: request.sessionToken || undefined,
    };
    const endpoint = resolveEndpoint(request.endpoint, ctx.config.sandbox, ctx.origin);
    const source = new AccessKeySource(
      withoutSecrets(request),
      request.region,
      endpoint,
      credentials,
    );
    return { source, credentials };
  }
  const settings = cognitoSettings(request, ctx);
  let userPool: UserPoolSession | undefined;
  if (settings.userPoolId && settings.clientId && settings.username) {
    const password =
      request.method === 'sandbox'
        ? SANDBOX_PASSWORDS[request.user as keyof typeof SANDBOX_PASSWORDS]
        : (request.login?.password ?? '');
    userPool = await UserPoolSession.signIn({
      client: userPoolClient(
        regionOfPoolId(settings.userPoolId) ?? settings.region,
        settings.endpoint,
        ctx.clock,
      ),
      clientId: settings.clientId,
      username: settings.username,
      password,
      now: ctx.clock.now,
    });
  }
  const source = new CognitoSource(withoutSecrets(request), settings, userPool, identityIds);
  const credentials = await source.fetchCredentials();
  return { source, credentials };
}

/** Rebuilds the source of a session kept in sessionStorage; no network call. */
export function resumeSource(resumable: ResumableSession, ctx: SourceContext): CredentialSource {
  const request = resumable.request;
  if (request.method === 'accessKeys') {
    throw new Error('Sessions signed in with access keys are never kept.');
  }
  const settings =
    request.method === 'sandbox'
      ? cognitoSettings(request, ctx)
      : cognitoSettings({ ...request, login: undefined }, ctx);
  if (request.method === 'cognito' && request.login) {
    settings.userPoolId = request.login.userPoolId;
    settings.clientId = request.login.clientId;
    settings.username = request.login.username;
  }
  const userPool =
    resumable.tokens && settings.clientId && settings.userPoolId
      ? UserPoolSession.restore({
          client: userPoolClient(
            regionOfPoolId(settings.userPoolId) ?? settings.region,
            settings.endpoint,
            ctx.clock,
          ),
          clientId: settings.clientId,
          tokens: resumable.tokens,
          now: ctx.clock.now,
        })
      : undefined;
  return new CognitoSource(
    request,
    settings,
    userPool,
    ctx.identityIds ?? sessionIdentityIdStorage(),
  );
}
