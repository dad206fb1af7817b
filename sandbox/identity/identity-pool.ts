import { randomUUID } from 'node:crypto';
import type { GetCredentialsForIdentityCommandOutput } from '@aws-sdk/client-cognito-identity';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import {
  invalidIdentityPoolConfiguration,
  invalidParameter,
  notAuthorized,
  resourceNotFound,
  tooManyRequests,
} from '../protocol/errors';
import type { IdentityDirectory } from './directory';
import type { CognitoIdentities } from './identity-records';
import type { WebIdentity } from './principal';
import { RateLimit } from './rate-limit';
import type { SessionCredentials } from './sessions';
import type { IdTokenClaims, UserPool } from './user-pool';

/**
 * AWS's managed policy AmazonCognitoUnAuthedIdentitiesSessionPolicy (v3), which Cognito adds as
 * a session policy to every guest's credentials in the enhanced flow: guests get at most these
 * actions, whatever their role allows. Its KMS actions are the cryptographic ones below (no
 * List*, Describe*, GenerateRandom or Sign).
 */
export const COGNITO_GUEST_SESSION_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CognitoUnAuthedIdentitiesSessionPolicy',
        Effect: 'Allow',
        Action: [
          'rum:PutRumEvents',
          'sagemaker:InvokeEndpoint',
          'polly:*',
          'comprehend:*',
          'translate:*',
          'transcribe:*',
          'rekognition:*',
          'mobiletargeting:*',
          'firehose:*',
          'personalize:*',
          'geo:GetMap*',
          'geo:SearchPlaceIndex*',
          'geo:GetPlace',
          'geo:CalculateRoute*',
          'geo:*Geofence',
          'geo:*Geofences',
          'geo:*DevicePosition*',
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptTo',
          'kms:ReEncryptFrom',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyPair',
          'kms:GenerateDataKeyPairWithoutPlaintext',
          'kms:GenerateDataKeyWithoutPlaintext',
        ],
        Resource: '*',
      },
    ],
  },
  null,
  2,
);

/** Cognito's default quota for GetId, per account and Region. */
export const GUEST_GET_ID_PER_SECOND = 25;
/** Cognito keeps every identity; the sandbox keeps this many guests per pool. */
export const DEFAULT_MAX_GUEST_IDENTITIES = 10_000;

/** The session name Cognito gives every role session it creates. */
export const COGNITO_SESSION_NAME = 'CognitoIdentityCredentials';

export interface IdentityPoolConfig {
  identityPoolId: string;
  allowUnauthenticatedIdentities: boolean;
  unauthenticatedRoleArn?: string;
  /** Used when a token names no role (role mapping "choose role from token" falls back to it). */
  authenticatedRoleArn?: string;
  /** User pools whose ID tokens the pool accepts, with the app clients (token audiences) it trusts. */
  providers: { userPool: UserPool; clientIds: string[] }[];
}

export type GetCredentialsOutput = Omit<GetCredentialsForIdentityCommandOutput, '$metadata'>;

interface VerifiedLogin {
  provider: string;
  subject: string;
  claims: IdTokenClaims;
}

const invalidLogin = (reason: string) => notAuthorized(`Invalid login token. ${reason}`);
const loginsDontMatch = () =>
  notAuthorized(
    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  );

class Pool {
  private readonly providers = new Map<
    string,
    { clientIds: string[]; keys: ReturnType<typeof createLocalJWKSet> }
  >();

  constructor(readonly config: IdentityPoolConfig) {
    for (const { userPool, clientIds } of config.providers) {
      this.providers.set(userPool.providerName, {
        clientIds,
        keys: createLocalJWKSet(userPool.jwks()),
      });
    }
  }

  /** Checks a `Logins` map the way Cognito does, in Cognito's words. */
  async verifyLogins(logins: Record<string, string>, now: Date): Promise<VerifiedLogin> {
    let verified: VerifiedLogin | undefined;
    for (const [provider, token] of Object.entries(logins)) {
      const login = await this.verifyLogin(provider, token, now);
      verified ??= login;
    }
    return verified!;
  }

  private async verifyLogin(provider: string, token: string, now: Date): Promise<VerifiedLogin> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw invalidLogin('Not a valid OpenId Connect identity token.');
    }
    if (unverified.iss !== `https://${provider}`) {
      throw invalidLogin("Issuer doesn't match providerName");
    }
    const trusted = this.providers.get(provider);
    if (unverified.aud === undefined) throw invalidLogin('Missing a required claim: aud');
    const audiences = Array.isArray(unverified.aud) ? unverified.aud : [unverified.aud];
    if (!trusted || !audiences.some((aud) => trusted.clientIds.includes(aud))) {
      throw notAuthorized('Token is not from a supported provider of this identity pool.');
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, trusted.keys, {
        algorithms: ['RS256'],
        currentDate: now,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const nowSeconds = Math.floor(now.getTime() / 1000);
        throw invalidLogin(`Token expired: ${nowSeconds} >= ${String(error.payload.exp)}`);
      }
      throw invalidLogin("Couldn't verify signed token.");
    }
    if (claims.token_use !== 'id' || typeof claims.sub !== 'string') {
      throw invalidLogin('Not a valid OpenId Connect identity token.');
    }
    return { provider, subject: claims.sub, claims: claims as unknown as IdTokenClaims };
  }
}

/** Records a call's answer in the transaction of the write it made (its event, in the sandbox). */
export type RecordWrite = (output: unknown) => void;

/**
 * What CloudTrail records as the webIdFederationData of a Cognito identity pool session: the pool
 * (`aud`), the identity (`sub`) and how it signed in (`amr`), as Cognito's own claims name them.
 */
function cognitoWebIdentity(poolId: string, identityId: string, provider?: string): WebIdentity {
  const amr = provider ? ['authenticated', provider] : ['unauthenticated'];
  return {
    provider: 'cognito-identity.amazonaws.com',
    attributes: {
      'cognito-identity.amazonaws.com:aud': poolId,
      'cognito-identity.amazonaws.com:sub': identityId,
      'cognito-identity.amazonaws.com:amr': JSON.stringify(amr),
    },
  };
}

/**
 * Cognito identity pools (the enhanced flow): GetId finds or creates an identity, and
 * GetCredentialsForIdentity turns it into temporary credentials for the role the ID token picks
 * (`cognito:preferred_role`), or for the guest role with Cognito's guest session policy.
 */
export class IdentityPools {
  private readonly pools: Map<string, Pool>;
  private readonly guestRates = new Map<string, RateLimit>();

  constructor(
    configs: IdentityPoolConfig[],
    private readonly deps: {
      identities: CognitoIdentities;
      sessions: SessionCredentials;
      directory: IdentityDirectory;
      sessionTtlSeconds: number;
      /**
       * Guest identities kept per pool; the oldest make room for new ones (a guest whose identity
       * went gets ResourceNotFoundException, and the SDK's provider then asks GetId again).
       */
      maxGuestIdentities?: number;
    },
  ) {
    this.pools = new Map(configs.map((config) => [config.identityPoolId, new Pool(config)]));
    for (const id of this.pools.keys()) {
      this.guestRates.set(id, new RateLimit(GUEST_GET_ID_PER_SECOND));
    }
  }

  /**
   * `recordWrite`, when given, runs in the transaction of any identity this call writes, with the
   * call's answer: the call's event commits with its change.
   */
  async getId(
    identityPoolId: string,
    logins: Record<string, string> | undefined,
    now: Date,
    recordWrite?: RecordWrite,
  ): Promise<string> {
    const pool = this.pools.get(identityPoolId);
    if (!pool) {
      throw resourceNotFound(`IdentityPool '${identityPoolId}' not found.`);
    }
    const { identities } = this.deps;
    if (logins && Object.keys(logins).length > 0) {
      const login = await pool.verifyLogins(logins, now);
      const existing = identities.findByLogin(identityPoolId, login.provider, login.subject);
      if (existing) return existing.identityId;
      return this.createIdentity(identityPoolId, now, recordWrite, login);
    }
    if (!pool.config.allowUnauthenticatedIdentities) {
      throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
    }
    // Each guest GetId makes a new identity, so it is what a flood would grow without end.
    if (!this.guestRates.get(identityPoolId)!.take(now)) throw tooManyRequests();
    identities.pruneGuests(
      identityPoolId,
      (this.deps.maxGuestIdentities ?? DEFAULT_MAX_GUEST_IDENTITIES) - 1,
    );
    return this.createIdentity(identityPoolId, now, recordWrite);
  }

  async getCredentialsForIdentity(
    identityId: string,
    logins: Record<string, string> | undefined,
    customRoleArn: string | undefined,
    now: Date,
    recordWrite?: RecordWrite,
  ): Promise<GetCredentialsOutput> {
    const { identities, sessions, directory, sessionTtlSeconds } = this.deps;
    const identity = identities.get(identityId);
    const pool = identity && this.pools.get(identity.identityPoolId);
    if (!identity || !pool) {
      throw resourceNotFound(`Identity '${identityId}' not found.`);
    }
    let roleArn: string | undefined;
    let sessionPolicies: string[];
    let signedInWith: string | undefined;
    let linkLogin: (() => void) | undefined;
    if (logins && Object.keys(logins).length > 0) {
      const login = await pool.verifyLogins(logins, now);
      signedInWith = login.provider;
      if (identity.loginProvider) {
        if (identity.loginProvider !== login.provider || identity.loginSubject !== login.subject) {
          throw loginsDontMatch();
        }
      } else {
        // A guest who signs in keeps their identity, as Cognito links the login to it.
        const owner = identities.findByLogin(
          identity.identityPoolId,
          login.provider,
          login.subject,
        );
        if (owner) throw loginsDontMatch();
        // Linked once the call is sure to succeed, together with its event.
        linkLogin = () => identities.linkLogin(identityId, login.provider, login.subject, now);
      }
      roleArn = this.authenticatedRole(pool, login.claims, customRoleArn);
      sessionPolicies = [];
    } else {
      if (identity.loginProvider) throw loginsDontMatch();
      if (!pool.config.allowUnauthenticatedIdentities) {
        throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
      }
      roleArn = pool.config.unauthenticatedRoleArn;
      sessionPolicies = [COGNITO_GUEST_SESSION_POLICY];
    }
    if (!roleArn || !directory.role(roleArn)) throw invalidIdentityPoolConfiguration();
    const issued = sessions.issue({
      roleArn,
      sessionName: COGNITO_SESSION_NAME,
      sessionPolicies,
      issuedAt: now,
      expiration: new Date(now.getTime() + sessionTtlSeconds * 1000),
      webIdentity: cognitoWebIdentity(identity.identityPoolId, identityId, signedInWith),
    });
    const output: GetCredentialsOutput = {
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: issued.expiration,
      },
    };
    if (linkLogin) {
      const link = linkLogin;
      identities.transaction(() => {
        link();
        recordWrite?.(output);
      });
    }
    return output;
  }

  private authenticatedRole(
    pool: Pool,
    claims: IdTokenClaims,
    customRoleArn: string | undefined,
  ): string | undefined {
    const preferred = claims['cognito:preferred_role'];
    if (customRoleArn !== undefined) {
      const allowed = new Set([
        ...(claims['cognito:roles'] ?? []),
        ...(preferred ? [preferred] : []),
      ]);
      if (!allowed.has(customRoleArn)) {
        throw invalidParameter(
          `CustomRoleArn ${customRoleArn} is not one of the roles in the login token.`,
        );
      }
      return customRoleArn;
    }
    return preferred ?? pool.config.authenticatedRoleArn;
  }

  private createIdentity(
    identityPoolId: string,
    now: Date,
    recordWrite: RecordWrite | undefined,
    login?: VerifiedLogin,
  ): string {
    const region = identityPoolId.slice(0, identityPoolId.indexOf(':'));
    const identityId = `${region}:${randomUUID()}`;
    const { identities } = this.deps;
    identities.transaction(() => {
      identities.insert({
        identityId,
        identityPoolId,
        loginProvider: login?.provider,
        loginSubject: login?.subject,
        creationDate: now,
        lastModifiedDate: now,
      });
      recordWrite?.({ IdentityId: identityId });
    });
    return identityId;
  }
}
