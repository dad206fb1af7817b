import type { GetIdCommandOutput } from '@aws-sdk/client-cognito-identity';
import type { JsonService, ServiceCall } from '../http/service';
import type { JsonObject } from '../protocol/json-codec';
import { modelPattern } from '../kms/model-patterns';
import { InputValidator } from '../kms/validation';
import type { GetCredentialsOutput, IdentityPools } from './identity-pool';

const ID_RULE = { required: true, min: 1, max: 55, ...modelPattern('[\\w-]+:[0-9a-f-]+') } as const;

function logins(v: InputValidator): Record<string, string> | undefined {
  const map = v.stringMap('Logins');
  if (!map) return undefined;
  const entries = Object.entries(map);
  if (entries.length > 10) {
    v.fail('Logins', undefined, 'Member must have length less than or equal to 10');
  }
  for (const [provider, token] of entries) {
    if (provider.length < 1 || provider.length > 128) {
      v.fail(
        'Logins',
        undefined,
        'Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
      );
    }
    if (token.length < 1 || token.length > 50000) {
      v.fail(
        'Logins',
        undefined,
        'Map value must satisfy constraint: [Member must have length less than or equal to 50000, Member must have length greater than or equal to 1]',
      );
    }
  }
  return map;
}

/** A write's event goes in the write's transaction; reads are recorded by the pipeline. */
const recordWriteOf = (call: ServiceCall) => (output: unknown) => call.trail?.succeeded(output);

async function getId(
  pools: IdentityPools,
  input: JsonObject,
  call: ServiceCall,
): Promise<Omit<GetIdCommandOutput, '$metadata'>> {
  const v = new InputValidator(input);
  v.string('AccountId', { min: 1, max: 15, ...modelPattern('\\d+') });
  const poolId = v.string('IdentityPoolId', ID_RULE);
  const loginMap = logins(v);
  v.done();
  return { IdentityId: await pools.getId(poolId, loginMap, call.now, recordWriteOf(call)) };
}

async function getCredentialsForIdentity(
  pools: IdentityPools,
  input: JsonObject,
  call: ServiceCall,
): Promise<GetCredentialsOutput> {
  const v = new InputValidator(input);
  const identityId = v.string('IdentityId', ID_RULE);
  const loginMap = logins(v);
  const customRoleArn = v.string('CustomRoleArn', { min: 20, max: 2048 });
  v.done();
  return pools.getCredentialsForIdentity(
    identityId,
    loginMap,
    customRoleArn,
    call.now,
    recordWriteOf(call),
  );
}

/**
 * Cognito identity pools over JSON 1.1: `X-Amz-Target: AWSCognitoIdentityService.<Op>`. GetId and
 * GetCredentialsForIdentity are unsigned in AWS (the SDK sends them without credentials).
 */
export function createIdentityPoolService(pools: IdentityPools): JsonService {
  const operations: Record<string, (input: JsonObject, call: ServiceCall) => Promise<unknown>> = {
    GetId: (input, call) => getId(pools, input, call),
    GetCredentialsForIdentity: (input, call) => getCredentialsForIdentity(pools, input, call),
  };
  return {
    targetPrefix: 'AWSCognitoIdentityService',
    contentType: 'application/x-amz-json-1.1',
    has: (operation) => Object.hasOwn(operations, operation),
    handle: (operation, input, call) => operations[operation](input, call),
  };
}
