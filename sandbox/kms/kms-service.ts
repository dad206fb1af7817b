import type { Authorizer } from '../authz/authorizer';
import type { JsonService, ServiceCall } from '../http/service';
import { AwsError } from '../protocol/errors';
import type { JsonObject } from '../protocol/json-codec';
import type { Store } from '../store/store';
import { runMaintenance } from './maintenance';
import type { OperationContext } from './operation';
import { OPERATIONS } from './operations';

/** How often (in sandbox-clock time) due deletions and rotations are carried out. */
const MAINTENANCE_INTERVAL_MS = 1000;

/** AWS KMS over JSON 1.1: `X-Amz-Target: TrentService.<Operation>`, signed for `kms`. */
export function createKmsService(deps: {
  store: Store;
  region: string;
  authorizer: Authorizer;
}): JsonService {
  const { store, region, authorizer } = deps;
  let lastMaintenance = -Infinity;

  return {
    targetPrefix: 'TrentService',
    signingService: 'kms',
    contentType: 'application/x-amz-json-1.1',
    has: (operation) => Object.hasOwn(OPERATIONS, operation),
    async handle(operation: string, input: JsonObject, call: ServiceCall) {
      const caller = call.credential?.principal;
      if (!caller)
        throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
      // Scheduled deletions and automatic rotations happen lazily, at most once a second, so a
      // test that moves the clock sees them at once and an idle sandbox does no work.
      if (call.now.getTime() - lastMaintenance >= MAINTENANCE_INTERVAL_MS) {
        lastMaintenance = call.now.getTime();
        runMaintenance(store, call.now);
      }
      const ctx: OperationContext = {
        requestId: call.requestId,
        now: call.now,
        region,
        caller,
        store,
        authorize: (request) => authorizer.authorize(caller, request, store, call.now),
      };
      return OPERATIONS[operation](input, ctx);
    },
  };
}
