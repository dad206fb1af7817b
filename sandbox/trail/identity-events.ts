import type { JsonObject } from '../protocol/json-codec';
import { HIDDEN, responseDate } from './record';
import type { EventDescriber } from './request-trail';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `Logins` as CloudTrail records it: which providers, never their tokens. */
function hiddenLogins(logins: unknown): Record<string, string> | undefined {
  if (logins === null || typeof logins !== 'object' || Array.isArray(logins)) return undefined;
  return Object.fromEntries(Object.keys(logins).map((provider) => [provider, HIDDEN]));
}

/** Drops undefined members, so a record has only what the request carried. */
function defined(members: Record<string, unknown>): Record<string, unknown> | null {
  const out = Object.fromEntries(Object.entries(members).filter(([, v]) => v !== undefined));
  return Object.keys(out).length === 0 ? null : out;
}

/**
 * Cognito user pool sign-in as CloudTrail records it: the flow and client, with every
 * authentication parameter (user name, password, refresh token) and every issued token hidden.
 */
export function userPoolEvents(owner: { account: string; region: string }): EventDescriber {
  return {
    eventSource: 'cognito-idp.amazonaws.com',
    ownerAccount: owner.account,
    // InitiateAuth names only the app client, whose pool is the owner's.
    ownerRegion: owner.region,
    readOnly: () => false,
    requestParameters(operation: string, input: JsonObject) {
      switch (operation) {
        case 'InitiateAuth':
          return defined({
            authFlow: text(input.AuthFlow),
            authParameters: input.AuthParameters === undefined ? undefined : HIDDEN,
            clientId: text(input.ClientId),
          });
        case 'GlobalSignOut':
          return { accessToken: HIDDEN };
        case 'RevokeToken':
          return defined({ token: HIDDEN, clientId: text(input.ClientId) });
        default:
          return null;
      }
    },
    responseElements(operation: string, output: unknown) {
      if (operation !== 'InitiateAuth') return null;
      const result = (output as { AuthenticationResult?: Record<string, unknown> })
        ?.AuthenticationResult;
      return {
        challengeParameters: {},
        ...(result
          ? {
              authenticationResult: defined({
                accessToken: result.AccessToken === undefined ? undefined : HIDDEN,
                expiresIn: result.ExpiresIn,
                tokenType: result.TokenType,
                refreshToken: result.RefreshToken === undefined ? undefined : HIDDEN,
                idToken: result.IdToken === undefined ? undefined : HIDDEN,
              }),
            }
          : {}),
      };
    },
  };
}

/**
 * Cognito identity pool calls as CloudTrail records them: the pool or identity, which login
 * providers were used (their tokens hidden), and of issued credentials only the access key id,
 * the expiration and a hidden session token.
 */
export function identityPoolEvents(owner: { account: string; region: string }): EventDescriber {
  return {
    eventSource: 'cognito-identity.amazonaws.com',
    ownerAccount: owner.account,
    ownerRegion: owner.region,
    // Identity pool ids and identity ids begin with their Region: `us-east-1:…`.
    regionOf(_operation, input) {
      const id = text(input.IdentityPoolId) ?? text(input.IdentityId);
      const colon = id?.indexOf(':') ?? -1;
      return id && colon > 0 ? id.slice(0, colon) : undefined;
    },
    readOnly: () => false,
    requestParameters(operation: string, input: JsonObject) {
      switch (operation) {
        case 'GetId':
          return defined({
            identityPoolId: text(input.IdentityPoolId),
            accountId: text(input.AccountId),
            logins: hiddenLogins(input.Logins),
          });
        case 'GetCredentialsForIdentity':
          return defined({
            identityId: text(input.IdentityId),
            logins: hiddenLogins(input.Logins),
            customRoleArn: text(input.CustomRoleArn),
          });
        default:
          return null;
      }
    },
    responseElements(operation: string, output: unknown) {
      const answer = (output ?? {}) as {
        IdentityId?: string;
        Credentials?: { AccessKeyId?: string; Expiration?: Date };
      };
      if (operation === 'GetId') return defined({ identityId: answer.IdentityId });
      if (operation !== 'GetCredentialsForIdentity') return null;
      const credentials = answer.Credentials;
      return defined({
        credentials: credentials
          ? defined({
              accessKeyId: credentials.AccessKeyId,
              sessionToken: HIDDEN,
              expiration:
                credentials.Expiration instanceof Date
                  ? responseDate(credentials.Expiration)
                  : undefined,
            })
          : undefined,
        identityId: answer.IdentityId,
      });
    },
    namedResources(operation, input, { account, region }) {
      const poolId = text(input.IdentityPoolId);
      return operation === 'GetId' && poolId
        ? [
            {
              accountId: account,
              type: 'AWS::Cognito::IdentityPool',
              ARN: `arn:aws:cognito-identity:${region}:${account}:identitypool/${poolId}`,
            },
          ]
        : [];
    },
  };
}

/** STS GetCallerIdentity: a read with nothing to record beyond who asked. */
export const STS_EVENTS: EventDescriber = {
  eventSource: 'sts.amazonaws.com',
  readOnly: () => true,
  requestParameters: () => null,
  responseElements: () => null,
};
