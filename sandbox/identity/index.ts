import type { GetRoute, JsonService, QueryService } from '../http/service';
import {
  DEMO_ACCOUNT,
  GUEST_ROLE_ARN,
  IDENTITY_POOL_ID,
  REGION,
  USER_POOL_CLIENT_ID,
  USER_POOL_ID,
  USER_POOL_USERS,
} from '../scenario/demo-scenario';
import type { Store } from '../store/store';
import { identityPoolEvents, STS_EVENTS, userPoolEvents } from '../trail/identity-events';
import type { IdentityDirectory } from './directory';
import { identityPolicyRoutes } from './identity-policy-routes';
import { createIdentityPoolService } from './identity-pool-service';
import { IdentityPools } from './identity-pool';
import { CognitoIdentities } from './identity-records';
import type { CredentialResolver } from './principal';
import { loadIdentitySecrets } from './secrets';
import { chainCredentialResolvers, SessionCredentials } from './sessions';
import { createStsService } from './sts-service';
import { UserPool } from './user-pool';
import { createUserPoolService, userPoolRoutes } from './user-pool-service';
import { UserPoolSessions } from './user-pool-sessions';

export { COGNITO_GUEST_SESSION_POLICY, COGNITO_SESSION_NAME } from './identity-pool';
export {
  chainCredentialResolvers,
  SessionCredentials,
  type TemporaryCredentials,
} from './sessions';

export const DEFAULT_SESSION_TTL_SECONDS = 3600;

/** The demo pools' account and Region, which receive the events of their unsigned calls. */
const POOL_OWNER = { account: DEMO_ACCOUNT, region: REGION };

export interface SandboxIdentity {
  /** Static IAM users, then temporary credentials: what SigV4 authentication resolves keys with. */
  credentials: CredentialResolver;
  sessions: SessionCredentials;
  userPool: UserPool;
  identityPools: IdentityPools;
  jsonServices: JsonService[];
  queryServices: QueryService[];
  getRoutes: GetRoute[];
}

/**
 * The demo scenario's sign-in services: the Cognito user pool and identity pool, STS
 * GetCallerIdentity, and the credential chain the request pipeline authenticates with.
 * `sessionTtlSeconds` is the lifetime of ID/access tokens and of temporary credentials.
 */
export async function createIdentity(options: {
  store: Store;
  directory: IdentityDirectory;
  sessionTtlSeconds?: number;
  /** Guest identities kept per identity pool (tests lower it). */
  maxGuestIdentities?: number;
}): Promise<SandboxIdentity> {
  const { store, directory } = options;
  const ttl = options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const secrets = await loadIdentitySecrets(store);
  const sessions = new SessionCredentials(secrets.derive('session-token'), directory);
  const userPool = new UserPool(
    {
      region: REGION,
      userPoolId: USER_POOL_ID,
      clientIds: [USER_POOL_CLIENT_ID],
      users: USER_POOL_USERS,
      tokenTtlSeconds: ttl,
    },
    secrets.signingKey,
    secrets.derive('refresh-token'),
    new UserPoolSessions(store.db, USER_POOL_ID),
  );
  const identityPools = new IdentityPools(
    [
      {
        identityPoolId: IDENTITY_POOL_ID,
        allowUnauthenticatedIdentities: true,
        unauthenticatedRoleArn: GUEST_ROLE_ARN,
        providers: [{ userPool, clientIds: [USER_POOL_CLIENT_ID] }],
      },
    ],
    {
      identities: new CognitoIdentities(store.db),
      sessions,
      directory,
      sessionTtlSeconds: ttl,
      maxGuestIdentities: options.maxGuestIdentities,
    },
  );
  return {
    credentials: chainCredentialResolvers(directory, sessions),
    sessions,
    userPool,
    identityPools,
    // The pools belong to the demo account, which receives the events of their (unsigned) calls.
    jsonServices: [
      { ...createUserPoolService([userPool]), events: userPoolEvents(POOL_OWNER) },
      { ...createIdentityPoolService(identityPools), events: identityPoolEvents(POOL_OWNER) },
    ],
    queryServices: [{ ...createStsService(), events: STS_EVENTS }],
    getRoutes: [userPoolRoutes([userPool]), identityPolicyRoutes(directory)],
  };
}
