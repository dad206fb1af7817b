import type { Authorizer } from '../authz/authorizer';
import type { JsonService, ServiceCall } from '../http/service';
import type { Principal } from '../identity/principal';
import { missingAuthenticationToken, unknownOperation } from '../protocol/errors';
import type { JsonObject } from '../protocol/json-codec';
import type { Scope } from '../store/records';
import type { Store } from '../store/store';
import { KMS_EVENTS } from '../trail/kms-events';
import type { RequestTrail } from '../trail/request-trail';
import { runMaintenance } from './maintenance';
import type { AuthorizationRequest, OperationContext } from './operation';
import { isOperationName, operationHandler } from './operations';

/** A class rather than an object literal with a closure: nothing is allocated per request but this. */
class RequestContext implements OperationContext {
  readonly scope: Scope;

  constructor(
    readonly requestId: string,
    readonly now: Date,
    readonly region: string,
    readonly caller: Principal,
    readonly store: Store,
    private readonly authorizer: Authorizer,
    private readonly trail: RequestTrail | undefined,
  ) {
    this.scope = { account: caller.account, region };
  }

  authorize(request: AuthorizationRequest): void {
    // A key the caller is refused is still a resource of the (denied) event; a key of another
    // Region (UpdatePrimaryRegion's replica) belongs to that Region's event.
    if (request.key && (request.region ?? this.region) === this.region) {
      this.trail?.usedKey(request.key.arn, request.key.account);
    }
    this.authorizer.authorize(this, request);
  }

  commit<T>(write: () => T): T {
    return this.store.transaction(() => {
      const output = write();
      this.trail?.succeeded(output);
      return output;
    });
  }
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** How often (in sandbox-clock time) due deletions and rotations are carried out. */
const MAINTENANCE_INTERVAL_MS = 1000;

/**
 * AWS KMS over JSON 1.1: `X-Amz-Target: TrentService.<Operation>`, signed for `kms`. Each request
 * acts in the Region of its credential scope: keys, aliases and grants live per account and Region.
 */
export function createKmsService(deps: { store: Store; authorizer: Authorizer }): JsonService {
  const { store, authorizer } = deps;
  let lastMaintenance = -Infinity;

  return {
    targetPrefix: 'TrentService',
    signingService: 'kms',
    contentType: 'application/x-amz-json-1.1',
    events: KMS_EVENTS,
    has: isOperationName,
    async handle(operation: string, input: JsonObject, call: ServiceCall) {
      if (!isOperationName(operation)) throw unknownOperation(`Unknown operation ${operation}`);
      const caller = call.credential?.principal;
      if (!caller || !call.region) throw missingAuthenticationToken();
      // Scheduled deletions and automatic rotations happen lazily, at most once a second, so a
      // test that moves the clock sees them at once and an idle sandbox does no work.
      if (call.now.getTime() - lastMaintenance >= MAINTENANCE_INTERVAL_MS) {
        lastMaintenance = call.now.getTime();
        runMaintenance(store, call.now);
      }
      const ctx = new RequestContext(
        call.requestId,
        call.now,
        call.region,
        caller,
        store,
        authorizer,
        call.trail,
      );
      const handler = operationHandler(operation);
      // Reads change nothing: their event is recorded by the pipeline, in the next batch.
      if (KMS_EVENTS.readOnly(operation)) return handler(input, ctx);
      // A change and its event commit together. An async handler's synchronous start only
      // validates and authorizes; it writes later, through ctx.commit.
      let output: unknown;
      store.transaction(() => {
        output = handler(input, ctx);
        if (!isPromise(output)) call.trail?.succeeded(output);
      });
      return output;
    },
  };
}
