import { connect } from 'node:net';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { KMSClient } from '@aws-sdk/client-kms';
import { STSClient } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../app';
import {
  DEMO_ACCOUNT,
  IAM_USERS,
  IDENTITY_POOL_ID,
  REGION,
  USER_POOL_CLIENT_ID,
  USER_POOL_ID,
  USER_POOL_USERS,
} from '../scenario/demo-scenario';

export const DEMO_ADMIN = {
  accessKeyId: IAM_USERS[0].accessKeyId,
  secretAccessKey: IAM_USERS[0].secretAccessKey,
};
export const PARTNER_ADMIN = {
  accessKeyId: IAM_USERS[1].accessKeyId,
  secretAccessKey: IAM_USERS[1].secretAccessKey,
};

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A key's ARN in the scenario's Region, by default in the demo account. */
export const keyArn = (keyId: string, account = DEMO_ACCOUNT) =>
  `arn:aws:kms:${REGION}:${account}:key/${keyId}`;

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

export interface SignedJsonRequestOptions {
  target: string;
  body?: string;
  signingDate?: Date;
  credentials?: AwsCredentials;
  service?: string;
  extraHeaders?: Record<string, string>;
  /** Headers left out of SignedHeaders (the request still carries them). */
  unsigned?: string[];
}

/**
 * A raw AWS JSON 1.1 request to the sandbox, SigV4-signed as the SDKs sign it: for tests of the
 * wire itself (headers, bodies and signatures no SDK would send).
 */
export function signedJsonRequest(url: string, options: SignedJsonRequestOptions) {
  const host = new URL(url).host;
  const signer = new SignatureV4({
    credentials: options.credentials ?? DEMO_ADMIN,
    region: REGION,
    service: options.service ?? 'kms',
    sha256: Hash.bind(null, 'sha256'),
    // Like the SDK's KMS client: no x-amz-content-sha256 header.
    applyChecksum: false,
  });
  return signer.sign(
    new HttpRequest({
      method: 'POST',
      hostname: host.split(':')[0],
      path: '/',
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': options.target,
        ...options.extraHeaders,
      },
      body: options.body ?? '{}',
    }),
    { signingDate: options.signingDate, unsignableHeaders: new Set(options.unsigned ?? []) },
  );
}

/** A key policy that lets the demo account's root do everything, as the default one does, and more. */
export const keyPolicyWith = (...statements: object[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...statements,
    ],
  });

/** Awaits a request that must fail and returns the error's name, message and HTTP status. */
export async function failureWithStatus(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const { name, message, $metadata } = error as Error & {
      $metadata?: { httpStatusCode?: number };
    };
    return { name, message, status: $metadata?.httpStatusCode };
  }
  throw new Error('expected the request to fail');
}

/** Awaits a request that must fail and returns the error's name and message. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string }> {
  const { name, message } = await failureWithStatus(promise);
  return { name, message };
}

/** A clock tests can move forward, e.g. past a scheduled deletion date. */
export class TestClock {
  offsetMs = 0;
  /** Real time while undefined; a stopped clock reads this instant (plus advances). */
  private stoppedAt: number | undefined;
  now = () => new Date((this.stoppedAt ?? Date.now()) + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
  /**
   * Stops the sandbox's time, so what depends on elapsed time (rate limits) does not depend on
   * how fast a busy machine answers. Signing clients follow only the offset, so keep it short.
   */
  stop() {
    this.stoppedAt ??= Date.now();
  }
  resume() {
    if (this.stoppedAt === undefined) return;
    this.offsetMs -= Date.now() - this.stoppedAt;
    this.stoppedAt = undefined;
  }
}

export interface TestSandbox extends RunningSandbox {
  clock: TestClock;
  /**
   * A real SDK client over HTTP, signing with the test clock so moved clocks stay in the window,
   * for `region` (the demo scenario's us-east-1 by default).
   */
  kms(credentials?: AwsCredentials, region?: string): KMSClient;
}

/** A real SDK client over HTTP, signing with the test clock so moved clocks stay in the window. */
function testKmsClient(
  url: () => string,
  clock: TestClock,
  credentials: AwsCredentials,
  region: string,
): KMSClient {
  const client = new KMSClient({
    // Resolved per request, so a client made before its sandbox starts reaches it.
    endpoint: async () => ({ url: new URL(url()) }),
    region,
    credentials,
    maxAttempts: 1,
  });
  followClock(client, clock);
  return client;
}

/** The SDK reads this offset at signing time, so advancing the clock later still works. */
function followClock(client: KMSClient | STSClient, clock: TestClock): void {
  Object.defineProperty(client.config, 'systemClockOffset', {
    get: () => clock.offsetMs,
    set: () => undefined,
  });
}

/** Starts an in-memory sandbox on a free port; the suite talks to it only over HTTP. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = new TestClock();
  const sandbox = await startSandbox({ memory: true, clock: clock.now, ...options });
  const clients: KMSClient[] = [];
  return {
    ...sandbox,
    clock,
    kms(credentials = DEMO_ADMIN, region = REGION) {
      const client = testKmsClient(() => sandbox.url, clock, credentials, region);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      await sandbox.close();
    },
  };
}

/**
 * An in-memory sandbox for one describe block: started before its tests, closed after them.
 * Clients made from it while the block is being defined reach it once it runs.
 */
export function suiteSandbox(options: SandboxOptions = {}): TestSandbox {
  let running: RunningSandbox | undefined;
  const clock = new TestClock();
  const clients: KMSClient[] = [];
  const current = () => {
    if (!running) throw new Error('The suite sandbox runs only while its tests do');
    return running;
  };
  beforeAll(async () => {
    running = await startSandbox({ memory: true, clock: clock.now, ...options });
  });
  const stop = async () => {
    for (const client of clients.splice(0)) client.destroy();
    await running?.close();
    running = undefined;
  };
  afterAll(stop);
  return {
    clock,
    get url() {
      return current().url;
    },
    get server() {
      return current().server;
    },
    get store() {
      return current().store;
    },
    kms(credentials = DEMO_ADMIN, region = REGION) {
      const client = testKmsClient(() => current().url, clock, credentials, region);
      clients.push(client);
      return client;
    },
    close: stop,
  };
}

// --- signing in through Cognito, as the console does ----------------------------------------

export type ScenarioUser = 'admin' | 'operator' | 'auditor' | 'guest';

/** The `Logins` key for the demo user pool's ID tokens. */
export const USER_POOL_PROVIDER = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;

export interface TemporaryAwsCredentials extends AwsCredentials {
  sessionToken: string;
  expiration: Date;
  identityId: string;
}

/** USER_PASSWORD_AUTH against the demo user pool; returns the ID token. */
export async function userPoolIdToken(
  sandbox: { url: string },
  username: string,
  password = USER_POOL_USERS.find((u) => u.username === username)?.password ?? '',
): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: sandbox.url,
    region: REGION,
    maxAttempts: 1,
  });
  try {
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: USER_POOL_CLIENT_ID,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return AuthenticationResult!.IdToken!;
  } finally {
    cognito.destroy();
  }
}

/**
 * Signs in as a demo scenario user exactly as a browser does (user pool InitiateAuth, then the
 * identity pool through `fromCognitoIdentityPool`) and returns the temporary credentials:
 * admin → KmsAdmin, operator → KmsOperator, auditor → KmsAuditor, guest (no login) → KmsGuest.
 * Pass them to `sandbox.kms(credentials)` or `stsClient(sandbox, credentials)`.
 */
export async function signInAs(
  sandbox: { url: string },
  user: ScenarioUser,
): Promise<TemporaryAwsCredentials> {
  const logins =
    user === 'guest' ? undefined : { [USER_POOL_PROVIDER]: await userPoolIdToken(sandbox, user) };
  // A private identity-id cache: the SDK's default one is shared by every sandbox in the process.
  const ids = new Map<string, string>();
  const provider = fromCognitoIdentityPool({
    identityPoolId: IDENTITY_POOL_ID,
    logins,
    clientConfig: { endpoint: sandbox.url, region: REGION, maxAttempts: 1 },
    cache: {
      getItem: (key) => ids.get(key) ?? null,
      setItem: (key, value) => void ids.set(key, value),
      removeItem: (key) => void ids.delete(key),
    },
  });
  const credentials = await provider();
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken!,
    expiration: credentials.expiration!,
    identityId: credentials.identityId,
  };
}

/** A real STS client over HTTP that signs with the test clock (GetCallerIdentity). */
export function stsClient(
  sandbox: TestSandbox,
  credentials: AwsCredentials = DEMO_ADMIN,
  region = REGION,
): STSClient {
  const client = new STSClient({
    endpoint: sandbox.url,
    region,
    credentials,
    maxAttempts: 1,
  });
  followClock(client, sandbox.clock);
  return client;
}

// --- raw HTTP, for what an SDK cannot send --------------------------------------------------

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** `__type` and `message` of an AWS JSON error, when the body is one. */
  type?: string;
  message?: string;
}

/** Sends a request with Node's fetch (which lets a test set Origin and other browser headers). */
export async function rawRequest(
  sandbox: { url: string },
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  const response = await fetch(new URL(init.path ?? '/', sandbox.url), {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  let parsed: { __type?: string; message?: string } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON (a refusal in plain text, a console file): type and message stay undefined.
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    type: parsed.__type,
    message: parsed.message,
  };
}

/**
 * Writes raw bytes on a new TCP connection and returns everything the sandbox answers before it
 * closes the connection, or the socket error it closed with (`ECONNRESET`, …).
 */
export function rawSocket(
  sandbox: { url: string },
  bytes: string | Buffer,
  options: { endAfterWrite?: boolean } = {},
): Promise<{ response: string; error?: string }> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (options.endAfterWrite ?? true) socket.end();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ response: Buffer.concat(chunks).toString('latin1'), error: error.code }),
    );
    socket.on('close', () => resolve({ response: Buffer.concat(chunks).toString('latin1') }));
  });
}
