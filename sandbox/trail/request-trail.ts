import { randomUUID } from 'node:crypto';
import type { Credential } from '../identity/principal';
import type { JsonObject } from '../protocol/json-codec';
import type { EventRow } from '../store/events';
import type { EventLog, RecordedEvents } from './event-log';
import type { TrailResource } from './record';
import { bodyJson, type RecordBody } from './stored-record';
import { ANONYMOUS, lookupUsername, userIdentityOf } from './user-identity';

/** How one service's calls become CloudTrail records. */
export interface EventDescriber {
  /** e.g. `kms.amazonaws.com`. */
  eventSource: string;
  readOnly(operation: string): boolean;
  /** The request as CloudTrail records it: never a secret. */
  requestParameters(operation: string, input: JsonObject): Record<string, unknown> | null;
  /**
   * What CloudTrail keeps of a successful answer: never a secret. `resources` are the keys the
   * call acted on, for answers that do not name the key (UpdatePrimaryRegion's keyId).
   */
  responseElements(
    operation: string,
    output: unknown,
    resources: readonly TrailResource[],
  ): Record<string, unknown> | null;
  /** Resources the request names besides the keys it uses (an alias), and unsigned calls' pool. */
  namedResources?(
    operation: string,
    input: JsonObject,
    scope: { account: string; region: string },
  ): TrailResource[];
  /** Resources a successful call made (CreateKey's new key). */
  createdResources?(operation: string, output: unknown): TrailResource[];
  /**
   * Events a successful call also causes in other Regions (ReplicateKey's CreateKey in the
   * replica's Region), recorded as the service acting for the caller.
   */
  relatedEvents?(
    operation: string,
    input: JsonObject,
    output: unknown,
    resources: readonly TrailResource[],
  ): RelatedEvent[];
  /** Who receives events of unsigned calls (Cognito's sign-in): the pools' owner… */
  ownerAccount?: string;
  /** …and in which Region, when the request names none of its own (InitiateAuth). */
  ownerRegion?: string;
  /** The Region an unsigned request names, e.g. in its pool id. */
  regionOf?(operation: string, input: JsonObject): string | undefined;
}

/** An event one call causes in another Region, besides its own. */
export interface RelatedEvent {
  eventName: string;
  region: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  resources: TrailResource[];
}

/** Where a request came from, as the HTTP layer saw it. */
export interface RequestOrigin {
  requestId: string;
  now: Date;
  sourceIp: string;
  userAgent: string;
}

/** A record this large loses its requestParameters (CloudTrail caps a record at 256 KB). */
const MAX_RECORD_CHARS = 200_000;

/**
 * A credential's userIdentity, serialized once: a session makes many calls, and the identity is
 * the largest part of every record.
 */
const identities = new WeakMap<Credential, { json: string; username: string }>();

function identityOf(credential: Credential): { json: string; username: string } {
  let identity = identities.get(credential);
  if (!identity) {
    identity = {
      json: JSON.stringify(userIdentityOf(credential)),
      username: lookupUsername(credential),
    };
    identities.set(credential, identity);
  }
  return identity;
}

const ANONYMOUS_JSON = JSON.stringify(ANONYMOUS);

/**
 * One request's CloudTrail event, filled in as the pipeline learns about the call (who signed
 * it, what it asked, which keys it touched) and recorded once, as succeeded or failed.
 */
export class RequestTrail {
  credential?: Credential;
  /** The Region of the SigV4 credential scope, once the request is authenticated. */
  region?: string;
  input?: JsonObject;
  private readonly resources: TrailResource[] = [];
  private recordedAs: 'succeeded' | 'failed' | undefined;

  constructor(
    private readonly log: EventLog,
    private readonly describer: EventDescriber,
    readonly operation: string,
    private readonly origin: RequestOrigin,
  ) {}

  get recorded(): boolean {
    return this.recordedAs !== undefined;
  }

  /** A key the request acts on, in the order the operation resolves them (ReEncrypt: source first). */
  usedKey(arn: string, account: string): void {
    if (this.resources.some((resource) => resource.ARN === arn)) return;
    this.resources.push({ accountId: account, type: 'AWS::KMS::Key', ARN: arn });
  }

  /**
   * Records the answer. A call that changed state is written at once, so call this inside the
   * transaction that holds the change; anything else joins the next batch.
   */
  succeeded(output: unknown): void {
    if (this.recordedAs) return;
    this.recordedAs = 'succeeded';
    const events = this.describe(undefined, output);
    if (!events) return;
    if (this.describer.readOnly(this.operation)) {
      this.log.enqueue(events);
      return;
    }
    this.log.write(events);
    for (const related of this.related(output)) this.log.write(related);
  }

  failed(errorCode: string, errorMessage: string): void {
    if (this.recordedAs) return;
    this.recordedAs = 'failed';
    const events = this.describe({ errorCode, errorMessage }, undefined);
    if (events) this.log.enqueue(events);
  }

  /**
   * What the record keeps of the call, taken now: the request's input and output may hold
   * secrets and must not outlive it, so only the describer's allow-listed parameters and
   * response elements are kept for the record, which is built when the event is stored.
   */
  private describe(error: CallError | undefined, output: unknown): CallEvents | undefined {
    const { describer, operation, credential } = this;
    const caller = credential?.principal.account ?? describer.ownerAccount;
    const input = this.input ?? {};
    const region = this.region ?? describer.regionOf?.(operation, input) ?? describer.ownerRegion;
    if (caller === undefined || region === undefined) return undefined;
    const resources = [
      ...this.resources,
      ...(error ? [] : (describer.createdResources?.(operation, output) ?? [])),
      ...(describer.namedResources?.(operation, input, { account: caller, region }) ?? []),
    ];
    // A key of another account delivers the event to that account too, as CloudTrail does.
    const recipients = [caller, ...resources.map((r) => r.accountId)].filter(
      (account, index, all) => all.indexOf(account) === index,
    );
    return new CallEvents({
      describer,
      operation,
      origin: this.origin,
      identity: credential ? identityOf(credential) : undefined,
      accessKeyId: credential?.accessKeyId,
      region,
      recipients,
      resources,
      error,
      requestParameters: this.input ? describer.requestParameters(operation, input) : null,
      responseElements: error ? null : describer.responseElements(operation, output, resources),
    });
  }

  /**
   * The events this call causes in other Regions. CloudTrail records them with the caller's
   * identity and `invokedBy` the service, as KMS's UpdatePrimaryRegion example shows for the
   * new primary's Region.
   */
  private related(output: unknown): CallEvents[] {
    const { describer, operation, credential, input } = this;
    if (!credential || !input || !describer.relatedEvents) return [];
    const events = describer.relatedEvents(operation, input, output, this.resources);
    if (events.length === 0) return [];
    const identity = {
      json: JSON.stringify({ ...userIdentityOf(credential), invokedBy: describer.eventSource }),
      username: identityOf(credential).username,
    };
    const caller = credential.principal.account;
    return events.map(
      (event) =>
        new CallEvents({
          describer,
          operation: event.eventName,
          origin: this.origin,
          identity,
          accessKeyId: credential.accessKeyId,
          region: event.region,
          recipients: [
            ...new Set([caller, ...event.resources.map((resource) => resource.accountId)]),
          ],
          resources: event.resources,
          error: undefined,
          requestParameters: event.requestParameters,
          responseElements: event.responseElements,
        }),
    );
  }
}

interface CallError {
  errorCode: string;
  errorMessage: string;
}

interface CallFacts {
  describer: EventDescriber;
  operation: string;
  origin: RequestOrigin;
  /** Unsigned calls have none. */
  identity: { json: string; username: string } | undefined;
  accessKeyId: string | undefined;
  region: string;
  recipients: readonly string[];
  resources: TrailResource[];
  error: CallError | undefined;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
}

/** One call's events, one per recipient account, serialized when they are stored. */
class CallEvents implements RecordedEvents {
  readonly count: number;

  constructor(private readonly facts: CallFacts) {
    this.count = facts.recipients.length;
  }

  build(firstSeq: number): EventRow[] {
    const { describer, operation, origin, identity, accessKeyId, region } = this.facts;
    const { recipients, resources, error } = this.facts;
    const caller = {
      identity: identity?.json ?? ANONYMOUS_JSON,
      sourceIp: origin.sourceIp,
      userAgent: origin.userAgent,
    };
    const readOnly = describer.readOnly(operation);
    const username = identity?.username;
    const storedResources = resources.map((r) => ({ type: r.type, name: r.ARN }));
    const body: RecordBody = {
      ...(error
        ? {
            errorCode: error.errorCode,
            ...(error.errorMessage ? { errorMessage: error.errorMessage } : {}),
          }
        : {}),
      requestParameters: this.facts.requestParameters,
      responseElements: this.facts.responseElements,
      resources,
      ...(recipients.length > 1 ? { sharedEventID: randomUUID() } : {}),
    };
    let json = bodyJson(body);
    if (json.length + caller.identity.length + caller.userAgent.length > MAX_RECORD_CHARS) {
      json = bodyJson({
        ...body,
        requestParameters: null,
        additionalEventData: { requestParametersOmitted: 'larger than a record may be' },
      });
    }
    return recipients.map((recipient, index) => ({
      seq: firstSeq + index,
      eventId: randomUUID(),
      time: origin.now.getTime(),
      recipient,
      region,
      eventSource: describer.eventSource,
      eventName: operation,
      readOnly,
      ...(username ? { username } : {}),
      ...(accessKeyId ? { accessKeyId } : {}),
      requestId: origin.requestId,
      caller,
      body: json,
      resources: storedResources,
    }));
  }
}
