import type {
  AuthFlowType,
  InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { GetRoute, JsonService, ServiceCall } from '../http/service';
import { AwsError, invalidParameter, resourceNotFound, wrongJsonType } from '../protocol/errors';
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

async function initiateAuth(
  pool: UserPool,
  input: JsonObject,
  now: Date,
): Promise<InitiateAuthOutput> {
  const v = new InputValidator(input);
  const flow = v.string('AuthFlow', { required: true, enum: AUTH_FLOWS });
  // ClientId is sensitive in the model, so AWS leaves its value out of validation messages.
  const clientId = input.ClientId;
  if (clientId === undefined || clientId === null) {
    v.fail('ClientId', 'null', 'Member must not be null');
  } else if (typeof clientId !== 'string') {
    throw wrongJsonType('ClientId', 'a string');
  } else if (clientId.length > 128) {
    v.fail('ClientId', undefined, 'Member must have length less than or equal to 128');
  } else if (!CLIENT_ID_PATTERN.test(clientId)) {
    v.fail('ClientId', undefined, 'Member must satisfy regular expression pattern: [\\w+]+');
  }
  const parameters = v.stringMap('AuthParameters') ?? {};
  finishValidation(v);
  const client = clientId as string;
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
  const operations: Record<string, (input: JsonObject, call: ServiceCall) => Promise<unknown>> = {
    InitiateAuth: (input, call) => initiateAuth(poolForClient(input.ClientId), input, call.now),
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
