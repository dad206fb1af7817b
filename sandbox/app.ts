import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authorizer } from './authz/authorizer';
import { createKmsAuthorizer } from './authz/kms-authorizer';
import { answerClientError } from './http/client-errors';
import { consoleConnectSources } from './http/console-config';
import { Cors } from './http/cors';
import { createRequestHandler } from './http/request-handler';
import { consoleContentSecurityPolicy } from './http/security-headers';
import { createConsoleFileServer } from './http/static-files';
import { IdentityDirectory } from './identity/directory';
import { createIdentity } from './identity';
import { createKmsService } from './kms/kms-service';
import { IAM_ROLES, IAM_USERS } from './scenario/demo-scenario';
import { seedScenario } from './scenario/seed';
import { openDatabase } from './store/database';
import { Store } from './store/store';
import { createCloudTrailServices } from './trail/cloudtrail-service';
import { EventLog } from './trail/event-log';

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Directory for sandbox.sqlite; ignored with `memory`. */
  stateDir?: string;
  memory?: boolean;
  /** Built console (dist/) to serve on the same port. */
  consoleDir?: string;
  /** Browser origins allowed besides the console's own (`--cors-origin`); `*` allows all. */
  corsOrigins?: string[];
  /** Grant Private Network Access preflights to allowed origins (`--cors-private-network`). */
  corsPrivateNetwork?: boolean;
  /** Extra endpoints the console's CSP lets it connect to (`--connect-src`). */
  connectSources?: string[];
  /** Lifetime of issued temporary credentials. */
  sessionTtlSeconds?: number;
  /** Guest identities kept per identity pool (default 10,000; tests lower it). */
  maxGuestIdentities?: number;
  /** The sandbox's notion of now; tests move it to reach deletion and rotation dates. */
  clock?: () => Date;
  log?: (line: string) => void;
  /** Benchmarks only: false lets every signed caller do anything. */
  authorization?: boolean;
  /** Benchmarks only: false records no events (LookupEvents then finds none). */
  eventHistory?: boolean;
  /** The event history's size bound, in events (oldest go first). */
  maxEvents?: number;
}

export interface RunningSandbox {
  url: string;
  server: Server;
  store: Store;
  close(): Promise<void>;
}

// Benchmarks compare against this: every signed caller may do anything (moto's behaviour).
const allowAll: Authorizer = { authorize: () => undefined };

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? (() => new Date());
  // Before the database is opened (and locked), so a wrong --console DIR fails cleanly.
  const consoleFiles = options.consoleDir
    ? createConsoleFileServer(
        options.consoleDir,
        consoleContentSecurityPolicy(
          consoleConnectSources(options.consoleDir, options.connectSources ?? []),
        ),
      )
    : undefined;
  const db = openDatabase(
    options.memory || !options.stateDir ? { memory: true } : { stateDir: options.stateDir },
  );
  const store = new Store(db);
  seedScenario(store, clock());

  const log = options.log ?? (() => undefined);
  const events = new EventLog(store, store.events, {
    clock,
    maxEvents: options.maxEvents,
    onError: (error) => log(`events could not be stored: ${(error as Error).message}`),
  });
  const authorizer = options.authorization === false ? allowAll : createKmsAuthorizer();

  const directory = new IdentityDirectory(IAM_USERS, IAM_ROLES);
  const identity = await createIdentity({
    store,
    directory,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 3600,
    maxGuestIdentities: options.maxGuestIdentities,
  });
  const handler = createRequestHandler({
    jsonServices: [
      createKmsService({ store, authorizer }),
      ...identity.jsonServices,
      ...createCloudTrailServices({ events, store, authorizer }),
    ],
    queryServices: identity.queryServices,
    getRoutes: identity.getRoutes,
    credentials: identity.credentials,
    cors: new Cors({
      origins: options.corsOrigins,
      allowPrivateNetwork: options.corsPrivateNetwork,
    }),
    consoleFiles,
    clock,
    events: options.eventHistory === false ? undefined : events,
    log: options.log,
  });

  const server = createServer(handler);
  server.on('clientError', (error: Error & { code?: string }, socket) =>
    answerClientError(error, socket, options.log),
  );
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          events.close();
          db.close();
          resolve();
        });
      }),
  };
}
