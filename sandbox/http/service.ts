import type { Credential } from '../identity/principal';
import type { JsonObject } from '../protocol/json-codec';
import type { EventDescriber, RequestTrail } from '../trail/request-trail';

export interface ServiceCall {
  requestId: string;
  now: Date;
  /** Present for services whose requests are SigV4-signed. */
  credential?: Credential;
  /**
   * The Region of the SigV4 credential scope, for signed requests. Unsigned calls (Cognito's
   * GetId, InitiateAuth, …) carry no Region: their pool ids name it.
   */
  region?: string;
  /**
   * The call's CloudTrail event, for services that record one. A service that changes state
   * records success itself, inside the transaction of its change; otherwise the pipeline does.
   */
  trail?: RequestTrail;
}

/** A service spoken over AWS JSON 1.x and routed by `X-Amz-Target: <targetPrefix>.<Operation>`. */
export interface JsonService {
  targetPrefix: string;
  /** The SigV4 service name requests must be signed for; undefined for unsigned APIs. */
  signingService?: string;
  /** Operations of a signed service that AWS accepts unsigned (Cognito's GetId, …). */
  unsignedOperations?: ReadonlySet<string>;
  contentType: string;
  /** How its calls are recorded in the event history; unrecorded without. */
  events?: EventDescriber;
  has(operation: string): boolean;
  handle(operation: string, input: JsonObject, call: ServiceCall): Promise<unknown>;
}

/** A service spoken over the AWS query protocol (`Action=…&Version=…`), answered in XML. */
export interface QueryService {
  signingService: string;
  events?: EventDescriber;
  handle(params: URLSearchParams, call: ServiceCall): Promise<string>;
  /** Renders an error in this protocol's XML shape, with the code and status the service uses. */
  renderError(
    error: { type: string; message: string; status: number },
    requestId: string,
  ): { status: number; code: string; body: string };
}

/** Plain GET routes besides the console files, e.g. a user pool's JWKS. */
export type GetRoute = (
  path: string,
) => { contentType: string; body: string; status?: number } | undefined;
