import type {
  AuthFlowType,
  InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import type { GetRoute, JsonService, ServiceCall } from '../http/service';
import {
  AwsError,
  invalidParameter,
  resourceNotFound,
  unauthorized,
  wrongJsonType,
} from '../protocol/errors';
import type { JsonObject } from '../protocol/json-codec';
import { InputValidator } from '../kms/validation';
import type { UserPool } from './user-pool';

const AUTH_FLOWS: readonly AuthFlowType[] = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];
const CLIENT_ID_PATTERN = /^[\w+]+$/;
const TOKEN_PATTERN = /^[A-Za-z0-9-_=.]+$/;

type InitiateAuthOutput = Omit<InitiateAuthCommandOutput, '$metadata'>;

/** Cognito reports request validation as InvalidParameterException, in the usual AWS wording. */
function finishValidation(v: InputValidator): void {
  try {
    v.done();
  } catch (error) {
    if (error instanceof AwsError && error.type === 'ValidationException') {
      throw invalidParameter(error.message);
    }
    throw error;
  }
}

function requireParameter(parameters: Record<string, string>, name: string): string {
  const value = parameters[name];
  if (value === undefined || value === '') {
    throw invalidParameter(`Missing required parameter ${name}`);
  }
  return value;
}

/**
 * A required string member the model marks sensitive (client ids, tokens): AWS leaves its value
 * out of validation messages.
 */
function sensitiveString(
  v: InputValidator,
  input: JsonObject,
  name: string,
  pattern: RegExp,
  patternText: string,
  maxLength = 128,
): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) {
    v.fail(name, 'null', 'Member must not be null');
  } else if (typeof value !== 'string') {
    throw wrongJsonType(name, 'a string');
  } else if (value.length > maxLength) {
    v.fail(name, undefined, `Member must have length less than or equal to ${maxLength}`);
  } else if (!pattern.test(value)) {
    v.fail(name, undefined, `Member must satisfy regular expression pattern: ${patternText}`);
  } else {
    return value;
  }
  return undefined;
}

/** RevokeToken: ends the sign-in of a refresh token (what the console's "Sign out" calls). */
async function revokeToken(pool: UserPool, input: JsonObject, now: Date): Promise<object> {
  const v = new InputValidator(input);
  const token = sensitiveString(v, input, 'Token', TOKEN_PATTERN, '[A-Za-z0-9-_=.]+', 131072);
  const clientId = sensitiveString(v, input, 'ClientId', CLIENT_ID_PATTERN, '[\\w+]+');
  v.string('ClientSecret', { max: 64 });
  finishValidation(v);
  // RevokeToken names no ResourceNotFoundException; an unknown client is refused as unauthorized
  // (our wording).
  if (!pool.hasClient(clientId!)) throw unauthorized('Invalid client id');
  await pool.revokeToken(clientId!, token!, now);
  return {};
}

/** GlobalSignOut: ends every sign-in of the user the access token belongs to. */
async function globalSignOut(pool: UserPool, input: JsonObject, now: Date): Promise<object> {
  const v = new InputValidator(input);
  const token = sensitiveString(v, input, 'AccessToken', TOKEN_PATTERN, '[A-Za-z0-9-_=.]+', 131072);
  finishValidation(v);
  await pool.globalSignOut(token!, now);
  return {};
}

async function initiateAuth(
  pool: UserPool,
  input: JsonObject,
  now: Date,
): Promise<InitiateAuthOutput> {
  const v = new InputValidator(input);
  const flow = v.string('AuthFlow', { required: true, enum: AUTH_FLOWS });
  const clientId = sensitiveString(v, input, 'ClientId', CLIENT_ID_PATTERN, '[\\w+]+');
  const parameters = v.stringMap('AuthParameters') ?? {};
  finishValidation(v);
  const client = clientId!;
  if (!pool.hasClient(client)) {
    throw resourceNotFound(`User pool client ${client} does not exist.`);
  }
  switch (flow) {
    case 'USER_PASSWORD_AUTH': {
      const username = requireParameter(parameters, 'USERNAME');
      const password = requireParameter(parameters, 'PASSWORD');
      return {
        ChallengeParameters: {},
        AuthenticationResult: await pool.signIn(client, username, password, now),
      };
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const refreshToken = requireParameter(parameters, 'REFRESH_TOKEN');
      return {
        ChallengeParameters: {},
        AuthenticationResult: await pool.refresh(client, refreshToken, now),
      };
    }
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      throw invalidParameter('Initiate Auth method not supported.');
    default:
      // The demo app client enables only ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH.
      throw invalidParameter(`${flow} flow not enabled for this client`);
  }
}

/** Cognito user pools over JSON 1.1: `X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`, unsigned. */
export function createUserPoolService(pools: UserPool[]): JsonService {
  // Each app client belongs to one pool; InitiateAuth names only the client.
  const poolForClient = (clientId: unknown) =>
    pools.find((pool) => typeof clientId === 'string' && pool.hasClient(clientId)) ?? pools[0];
  // GlobalSignOut names only the access token, whose issuer is its pool.
  const poolForToken = (token: unknown) => {
    let issuer: unknown;
    try {
      issuer = typeof token === 'string' ? decodeJwt(token).iss : undefined;
    } catch {
      issuer = undefined;
    }
    return pools.find((pool) => pool.issuer === issuer) ?? pools[0];
  };
  const operations: Record<string, (input: JsonObject, call: ServiceCall) => Promise<unknown>> = {
    InitiateAuth: (input, call) => initiateAuth(poolForClient(input.ClientId), input, call.now),
    RevokeToken: (input, call) => revokeToken(poolForClient(input.ClientId), input, call.now),
    GlobalSignOut: (input, call) => globalSignOut(poolForToken(input.AccessToken), input, call.now),
  };
  return {
    targetPrefix: 'AWSCognitoIdentityProviderService',
    contentType: 'application/x-amz-json-1.1',
    has: (operation) => Object.hasOwn(operations, operation),
    handle: (operation, input, call) => operations[operation](input, call),
  };
}

/** `GET /<poolId>/.well-known/jwks.json`, where Cognito publishes a pool's token keys. */
export function userPoolRoutes(pools: UserPool[]): GetRoute {
  return (path) => {
    for (const pool of pools) {
      if (path === `/${pool.userPoolId}/.well-known/jwks.json`) {
        return { contentType: 'application/json', body: JSON.stringify(pool.jwks()) };
      }
    }
    return undefined;
  };
}
