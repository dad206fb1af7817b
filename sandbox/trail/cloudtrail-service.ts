import type { LookupEventsCommandInput } from '@aws-sdk/client-cloudtrail';
import type { Authorizer } from '../authz/authorizer';
import type { JsonService, ServiceCall } from '../http/service';
import { missingAuthenticationToken } from '../protocol/errors';
import type { JsonObject } from '../protocol/json-codec';
import type { Store } from '../store/store';
import type { EventLog } from './event-log';
import { lookupPage, planLookup } from './lookup-events';

/**
 * CloudTrail over JSON 1.1, signed for `cloudtrail`: LookupEvents over the sandbox's own event
 * history, for the caller's account in the request's Region. Its own calls are not recorded, so
 * paging through the history does not grow it.
 *
 * Two services, one per target prefix: the AWS CLI (botocore) sends the model's
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`, the JavaScript SDK the
 * short `CloudTrail_20131101.LookupEvents`; CloudTrail accepts both.
 */
export function createCloudTrailServices(deps: {
  events: EventLog;
  store: Store;
  authorizer: Authorizer;
}): JsonService[] {
  const { events, store, authorizer } = deps;
  const operations: Record<string, (input: JsonObject, call: ServiceCall) => Promise<unknown>> = {
    async LookupEvents(input, call) {
      const caller = call.credential?.principal;
      const region = call.region;
      if (!caller || !region) throw missingAuthenticationToken();
      authorizer.authorize(
        { caller, region, now: call.now, store },
        { action: 'cloudtrail:LookupEvents' },
      );
      const plan = planLookup(input as LookupEventsCommandInput);
      if (plan.insightsOnly) return { Events: [] };
      const found = events.query({
        ...plan.query,
        // One more than asked says whether there is a next page.
        limit: plan.query.limit + 1,
        recipient: caller.account,
        region,
      });
      return lookupPage(plan, found);
    },
  };
  const service: JsonService = {
    targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
    signingService: 'cloudtrail',
    contentType: 'application/x-amz-json-1.1',
    has: (operation) => Object.hasOwn(operations, operation),
    handle: (operation, input, call) => operations[operation](input, call),
  };
  return [service, { ...service, targetPrefix: 'CloudTrail_20131101' }];
}
