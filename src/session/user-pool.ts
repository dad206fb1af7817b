import {
  InitiateAuthCommand,
  RevokeTokenCommand,
  type CognitoIdentityProviderClient,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';

/** Claims the console reads from an ID token, for display only (the identity pool verifies it). */
export interface IdTokenClaims {
  sub?: string;
  exp?: number;
  'cognito:username'?: string;
  'cognito:groups'?: string[];
  'cognito:preferred_role'?: string;
}

/** Decodes a JWT's payload without verifying it: only for showing who signed in. */
export function decodeJwtClaims(token: string): IdTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const json = new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as IdTokenClaims) : {};
  } catch {
    return {};
  }
}

/** The Logins key Cognito identity pools expect for a user pool's ID tokens. */
export function userPoolProviderName(region: string, userPoolId: string): string {
  return `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

export interface UserPoolTokens {
  idToken: string;
  refreshToken?: string;
}

/** ID tokens are renewed this long before they expire, so a request never carries a stale one. */
const ID_TOKEN_MARGIN_MS = 30_000;

/**
 * A user pool sign-in (USER_PASSWORD_AUTH): holds the ID token and the refresh token in memory
 * and renews the ID token with REFRESH_TOKEN_AUTH when the identity pool needs a fresh one.
 */
export class UserPoolSession {
  private idToken: string;
  private refreshToken: string | undefined;
  private renewing: Promise<string> | undefined;

  private constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly clientId: string,
    tokens: UserPoolTokens,
    private readonly now: () => number,
  ) {
    this.idToken = tokens.idToken;
    this.refreshToken = tokens.refreshToken;
  }

  static async signIn(options: {
    client: CognitoIdentityProviderClient;
    clientId: string;
    username: string;
    password: string;
    now?: () => number;
  }): Promise<UserPoolSession> {
    const { client } = options;
    const answer = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: options.clientId,
        AuthParameters: { USERNAME: options.username, PASSWORD: options.password },
      }),
    );
    if (!answer.AuthenticationResult?.IdToken) {
      const challenge = answer.ChallengeName ?? 'an unexpected answer';
      throw new UserPoolChallengeError(
        `The user pool asked for ${challenge}; the console supports only password sign-in without challenges (MFA, new password).`,
      );
    }
    return new UserPoolSession(
      client,
      options.clientId,
      tokensOf(answer.AuthenticationResult),
      options.now ?? Date.now,
    );
  }

  /** Rebuilds a session from tokens kept in sessionStorage (a page reload). */
  static restore(options: {
    client: CognitoIdentityProviderClient;
    clientId: string;
    tokens: UserPoolTokens;
    now?: () => number;
  }): UserPoolSession {
    return new UserPoolSession(
      options.client,
      options.clientId,
      options.tokens,
      options.now ?? Date.now,
    );
  }

  get claims(): IdTokenClaims {
    return decodeJwtClaims(this.idToken);
  }

  get tokens(): UserPoolTokens {
    return { idToken: this.idToken, refreshToken: this.refreshToken };
  }

  /** A valid ID token, renewed with the refresh token when it is about to expire. */
  currentIdToken = async (): Promise<string> => {
    const exp = this.claims.exp;
    if (exp === undefined || exp * 1000 - this.now() > ID_TOKEN_MARGIN_MS) return this.idToken;
    if (!this.refreshToken) return this.idToken;
    this.renewing ??= this.renew().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  };

  /**
   * Signing out: revokes the refresh token, so a copy of it (sessionStorage, a log) cannot be
   * replayed to mint new tokens. The ID token keeps working until it expires, as on AWS.
   */
  async revoke(): Promise<void> {
    const token = this.refreshToken;
    this.refreshToken = undefined;
    if (!token) return;
    await this.client.send(new RevokeTokenCommand({ Token: token, ClientId: this.clientId }));
  }

  private async renew(): Promise<string> {
    const answer = await this.client.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: this.clientId,
        AuthParameters: { REFRESH_TOKEN: this.refreshToken ?? '' },
      }),
    );
    const result = answer.AuthenticationResult;
    if (!result?.IdToken)
      throw new UserPoolChallengeError('The user pool did not renew the ID token.');
    this.idToken = result.IdToken;
    if (result.RefreshToken) this.refreshToken = result.RefreshToken;
    return this.idToken;
  }
}

export class UserPoolChallengeError extends Error {
  override name = 'UserPoolChallengeError';
}

function tokensOf(result: AuthenticationResultType): UserPoolTokens {
  return { idToken: result.IdToken ?? '', refreshToken: result.RefreshToken };
}
