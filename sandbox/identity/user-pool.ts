import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { EncryptJWT, errors, jwtDecrypt, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { notAuthorized, unauthorized, unsupportedTokenType } from '../protocol/errors';
import { PasswordLockout } from './password-lockout';
import type { TokenSigningKey } from './secrets';
import type { UserPoolSessions } from './user-pool-sessions';

export interface UserPoolUser {
  username: string;
  password: string;
  group: string;
  /** IAM role ARN the group maps to; the ID token names it as `cognito:preferred_role`. */
  role: string;
}

export interface UserPoolConfig {
  region: string;
  userPoolId: string;
  /** Public app clients (no client secret) allowed to sign in. */
  clientIds: string[];
  users: UserPoolUser[];
  /** Lifetime of ID and access tokens. */
  tokenTtlSeconds: number;
  /** Lifetime of refresh tokens; Cognito's default is 30 days. */
  refreshTokenTtlSeconds?: number;
}

/** Claims of an ID token that the identity pool reads. */
export interface IdTokenClaims {
  sub: string;
  'cognito:username': string;
  'cognito:groups': string[];
  'cognito:preferred_role'?: string;
  'cognito:roles'?: string[];
  aud: string;
  token_use: 'id';
}

const DEFAULT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A stable `sub` per user, so identities and key policies naming it survive restarts. */
function subjectFor(userPoolId: string, username: string): string {
  const hex = createHash('sha256').update(`${userPoolId}/${username}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function samePassword(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * A Cognito user pool with the USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH flows. ID and access
 * tokens are RS256 JWTs whose issuer is the pool's real Cognito issuer URL
 * (`https://cognito-idp.<region>.amazonaws.com/<poolId>`), not the sandbox's address: tokens
 * stay valid whatever host or port the sandbox listens on, and the identity pool's provider
 * name (`cognito-idp.<region>.amazonaws.com/<poolId>`) is the issuer without its scheme, as in
 * AWS. The public keys are served at `/<poolId>/.well-known/jwks.json`. Refresh tokens are
 * opaque (encrypted JWTs), like Cognito's. Repeated wrong passwords lock a user out for a
 * growing time; RevokeToken and GlobalSignOut end sign-in sessions for good.
 */
export class UserPool {
  readonly issuer: string;
  readonly providerName: string;
  private readonly users: Map<string, UserPoolUser>;
  private readonly lockout = new PasswordLockout();

  constructor(
    readonly config: UserPoolConfig,
    private readonly signingKey: TokenSigningKey,
    private readonly refreshKey: Uint8Array,
    private readonly sessions: UserPoolSessions,
  ) {
    this.providerName = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
    this.issuer = `https://${this.providerName}`;
    this.users = new Map(config.users.map((user) => [user.username, user]));
  }

  get userPoolId(): string {
    return this.config.userPoolId;
  }

  hasClient(clientId: string): boolean {
    return this.config.clientIds.includes(clientId);
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.signingKey.publicJwk] };
  }

  /** USER_PASSWORD_AUTH. Unknown users and wrong passwords get the same answer, as Cognito's default. */
  async signIn(
    clientId: string,
    username: string,
    password: string,
    now: Date,
  ): Promise<AuthenticationResultType> {
    const user = this.users.get(username);
    // During a lockout even the right password is refused, with Cognito's words.
    if (user && this.lockout.check(username, now) === 'locked') {
      throw notAuthorized('Password attempts exceeded');
    }
    if (!user || !samePassword(password, user.password)) {
      if (user) this.lockout.failed(username, now);
      throw notAuthorized('Incorrect username or password.');
    }
    this.lockout.succeeded(username);
    const originJti = randomUUID();
    const authTime = seconds(now);
    const tokens = await this.issueTokens(user, clientId, originJti, authTime, now);
    const refreshTtl = this.config.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS;
    this.sessions.start({
      originJti,
      username: user.username,
      clientId,
      created: now,
      expires: new Date((authTime + refreshTtl) * 1000),
    });
    const RefreshToken = await new EncryptJWT({
      username: user.username,
      client_id: clientId,
      origin_jti: originJti,
      auth_time: authTime,
    })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(authTime)
      .setExpirationTime(authTime + refreshTtl)
      .encrypt(this.refreshKey);
    return { ...tokens, RefreshToken };
  }

  /** REFRESH_TOKEN_AUTH: new ID and access tokens; the refresh token itself is not renewed. */
  async refresh(
    clientId: string,
    refreshToken: string,
    now: Date,
  ): Promise<AuthenticationResultType> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.decryptRefreshToken(refreshToken, now);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw notAuthorized('Refresh Token has expired');
      throw notAuthorized('Invalid Refresh Token');
    }
    const user = this.users.get(String(claims.username));
    if (!user || claims.client_id !== clientId) throw notAuthorized('Invalid Refresh Token');
    const originJti = String(claims.origin_jti);
    switch (this.sessions.state(originJti)) {
      case 'revoked':
        throw notAuthorized('Refresh Token has been revoked');
      case 'unknown':
        throw notAuthorized('Invalid Refresh Token');
    }
    return this.issueTokens(user, clientId, originJti, Number(claims.auth_time), now);
  }

  /**
   * RevokeToken: ends the sign-in a refresh token belongs to, so neither it nor the access
   * tokens of that sign-in are accepted again. Revoking a revoked or expired token succeeds, as
   * OAuth token revocation does. Cognito documents the exceptions but not their messages for a
   * token that is not a refresh token or belongs to another app client; these are ours.
   */
  async revokeToken(clientId: string, token: string, now: Date): Promise<void> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.decryptRefreshToken(token, now);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return;
      if (token.split('.').length === 3) {
        throw unsupportedTokenType('Only refresh tokens can be revoked.');
      }
      throw unauthorized('Invalid token');
    }
    if (claims.client_id !== clientId) {
      throw unauthorized('The token was not issued to this app client.');
    }
    this.sessions.revoke(String(claims.origin_jti));
  }

  /** GlobalSignOut: ends every sign-in of the access token's user. */
  async globalSignOut(accessToken: string, now: Date): Promise<void> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(accessToken, this.signingKey.publicKey, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        currentDate: now,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw notAuthorized('Access Token has expired');
      throw notAuthorized('Invalid Access Token');
    }
    if (claims.token_use !== 'access' || !this.users.has(String(claims.username))) {
      throw notAuthorized('Invalid Access Token');
    }
    if (this.sessions.state(String(claims.origin_jti)) !== 'active') {
      throw notAuthorized('Access Token has been revoked');
    }
    this.sessions.revokeAll(String(claims.username));
  }

  /** The claims of one of this pool's refresh tokens; throws jose's errors otherwise. */
  private async decryptRefreshToken(token: string, now: Date): Promise<Record<string, unknown>> {
    const { payload } = await jwtDecrypt(token, this.refreshKey, {
      issuer: this.issuer,
      currentDate: now,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return payload;
  }

  private async issueTokens(
    user: UserPoolUser,
    clientId: string,
    originJti: string,
    authTime: number,
    now: Date,
  ): Promise<AuthenticationResultType> {
    const iat = seconds(now);
    const exp = iat + this.config.tokenTtlSeconds;
    const sub = subjectFor(this.config.userPoolId, user.username);
    const eventId = randomUUID();
    const header = { alg: 'RS256', kid: this.signingKey.kid };
    const IdToken = await new SignJWT({
      'cognito:groups': [user.group],
      'cognito:preferred_role': user.role,
      'cognito:roles': [user.role],
      'cognito:username': user.username,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'id',
      auth_time: authTime,
    })
      .setProtectedHeader(header)
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setAudience(clientId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.signingKey.privateKey);
    const AccessToken = await new SignJWT({
      'cognito:groups': [user.group],
      client_id: clientId,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: authTime,
      username: user.username,
    })
      .setProtectedHeader(header)
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.signingKey.privateKey);
    return {
      AccessToken,
      ExpiresIn: this.config.tokenTtlSeconds,
      TokenType: 'Bearer',
      IdToken,
    };
  }
}
