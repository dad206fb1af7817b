import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialResolver } from '../identity/principal';
import { AwsError, internalFailure, requestTooLarge, unknownOperation } from '../protocol/errors';
import { decodeJsonRequest, encodeJsonResponse } from '../protocol/json-codec';
import { headerValue, type IncomingSignedRequest } from '../protocol/sigv4';
import type { EventLog } from '../trail/event-log';
import { RequestTrail, type EventDescriber } from '../trail/request-trail';
import { authenticate } from './authenticate';
import { Cors, refusalHint, unexpectedRequestHeaders, type CorsVerdict } from './cors';
import { logField } from './log-fields';
import { applySecurityHeaders } from './security-headers';
import type { GetRoute, JsonService, QueryService, ServiceCall } from './service';
import type { ConsoleFileServer } from './static-files';

/** KMS's largest request (ImportKeyMaterial, policies of 32 KB) fits easily; bigger is refused. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestHandlerOptions {
  jsonServices: JsonService[];
  queryServices: QueryService[];
  getRoutes: GetRoute[];
  credentials: CredentialResolver;
  /** Which browser origins may call; without it, only the sandbox's own origin. */
  cors?: Cors;
  /** Serves the built console for GET requests that no route answers. */
  consoleFiles?: ConsoleFileServer;
  clock: () => Date;
  /** The event history every recorded call goes to; nothing is recorded without it. */
  events?: EventLog;
  /** One line per request: never bodies, keys or tokens. Without it nothing is formatted. */
  log?: (line: string) => void;
}

interface Outcome {
  label: string;
  status: number;
  errorType?: string;
  /** The client went away before sending the whole body: nothing was answered. */
  aborted?: ClientAborted;
}

class BodyTooLarge extends Error {}

/** The client closed the connection mid-body: not a server failure, and there is no one to answer. */
class ClientAborted extends Error {
  constructor(
    readonly received: number,
    readonly declared: number | undefined,
  ) {
    super('the client closed the connection before sending the whole body');
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // Node reports a client that hangs up mid-body as an 'aborted' ECONNRESET error and a close
    // before the request completed; either way the rest of the body never comes.
    const aborted = () =>
      reject(new ClientAborted(size, req.headers['content-length'] ? declared : undefined));
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? aborted() : reject(error),
    );
    req.on('close', () => {
      if (!req.complete) aborted();
    });
  });
}

/** The request target as a URL; undefined when it is not one (`GET //`, `GET http://a:b@/`). */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://sandbox');
  } catch {
    return undefined;
  }
}

function toSignedRequest(req: IncomingMessage, url: URL, body: Buffer): IncomingSignedRequest {
  // Every AWS JSON request goes to `/`, which needs no query parsing.
  if (req.url === '/') {
    return {
      method: req.method ?? 'POST',
      path: '/',
      query: {},
      headers: req.headers,
      distinctHeaders: req.headersDistinct,
      body,
    };
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] =
      existing === undefined
        ? value
        : Array.isArray(existing)
          ? [...existing, value]
          : [existing, value];
  }
  return {
    method: req.method ?? 'POST',
    path: url.pathname,
    query,
    headers: req.headers,
    distinctHeaders: req.headersDistinct,
    body,
  };
}

/**
 * The error a failed request is answered with. Bad input gets one of the sandbox's own
 * AwsErrors, a 4xx (sandbox/conformance/robustness.test.ts sends every operation malformed
 * input and fails on any 5xx); a body over the limit is RequestEntityTooLargeException (413).
 * Anything else is a defect of the sandbox itself, answered as AWS answers its own failures:
 * KMSInternalException with status 500 (the JSON services also log its stack).
 */
function asAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  if (error instanceof BodyTooLarge) {
    return requestTooLarge(MAX_BODY_BYTES);
  }
  return internalFailure();
}

export function createRequestHandler(options: RequestHandlerOptions) {
  const { jsonServices, queryServices, getRoutes, credentials, clock } = options;
  const cors = options.cors ?? new Cors();
  const log = options.log ?? (() => undefined);
  const byPrefix = new Map(jsonServices.map((s) => [s.targetPrefix, s]));
  const querySigning = new Map(queryServices.map((s) => [s.signingService, s]));

  function trailOf(
    req: IncomingMessage,
    describer: EventDescriber | undefined,
    operation: string,
    requestId: string,
    now: Date,
  ): RequestTrail | undefined {
    if (!describer || !options.events) return undefined;
    const address = req.socket.remoteAddress ?? '';
    return new RequestTrail(options.events, describer, operation, {
      requestId,
      now,
      // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; CloudTrail writes a.b.c.d.
      sourceIp: address.startsWith('::ffff:') ? address.slice(7) : address,
      userAgent: (headerValue(req.headers, 'user-agent') ?? '').slice(0, 1024),
    });
  }

  async function handleJson(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    target: string,
    requestId: string,
  ): Promise<Outcome> {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const operation = target.slice(dot + 1);
    const service = byPrefix.get(prefix);
    let status = 200;
    let payload: string;
    let errorType: string | undefined;
    let trail: RequestTrail | undefined;
    try {
      const body = await readBody(req);
      if (!service || !service.has(operation)) {
        throw unknownOperation(`Unknown operation ${target}`);
      }
      const now = clock();
      trail = trailOf(req, service.events, operation, requestId, now);
      const call: ServiceCall = { requestId, now, trail };
      if (service.signingService && !service.unsignedOperations?.has(operation)) {
        ({ credential: call.credential, region: call.region } = await authenticate(
          toSignedRequest(req, url, body),
          credentials,
          service.signingService,
          now,
        ));
        if (trail) {
          trail.credential = call.credential;
          trail.region = call.region;
        }
      }
      const input = decodeJsonRequest(body);
      if (trail) trail.input = input;
      const output = await service.handle(operation, input, call);
      trail?.succeeded(output);
      payload = encodeJsonResponse(output ?? {});
    } catch (error) {
      if (error instanceof ClientAborted) return { label: target, status: 0, aborted: error };
      const failure = asAwsError(error);
      trail?.failed(failure.type, failure.message);
      if (failure.status >= 500) {
        log(`internal error in ${logField(target)}: ${(error as Error).stack}`);
      }
      status = failure.status;
      errorType = failure.type;
      // Some KMS errors (InvalidCiphertextException, …) carry no message at all; say nothing then.
      payload = JSON.stringify(
        failure.message
          ? { __type: failure.type, message: failure.message }
          : { __type: failure.type },
      );
      res.setHeader('x-amzn-ErrorType', `${failure.type}:`);
    }
    // A known length lets Node send headers and body in one write, without chunked framing.
    res.writeHead(status, {
      'Content-Type': service?.contentType ?? 'application/x-amz-json-1.1',
      'Content-Length': Buffer.byteLength(payload),
      'x-amzn-RequestId': requestId,
    });
    res.end(payload);
    return { label: target, status, errorType };
  }

  async function handleQuery(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<Outcome> {
    let status = 200;
    let payload: string;
    let errorType: string | undefined;
    let label = 'query';
    // STS is the only query service the sandbox speaks; route by the signing scope when present.
    const scopeService = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
      headerValue(req.headers, 'authorization') ?? '',
    )?.[1];
    const service = querySigning.get(scopeService ?? 'sts') ?? queryServices[0];
    let trail: RequestTrail | undefined;
    try {
      const body = await readBody(req);
      const params = new URLSearchParams(body.toString('utf8'));
      const action = params.get('Action') ?? '?';
      label = `${service?.signingService ?? 'query'}.${action}`;
      if (!service) throw unknownOperation('No query service here');
      const now = clock();
      trail = trailOf(req, service.events, action, requestId, now);
      const { credential, region } = await authenticate(
        toSignedRequest(req, url, body),
        credentials,
        service.signingService,
        now,
      );
      if (trail) {
        trail.credential = credential;
        trail.region = region;
        trail.input = Object.fromEntries(params);
      }
      payload = await service.handle(params, { requestId, now, credential, region, trail });
      trail?.succeeded(undefined);
    } catch (error) {
      if (error instanceof ClientAborted) return { label, status: 0, aborted: error };
      const failure = asAwsError(error);
      const rendered = service?.renderError(failure, requestId);
      status = rendered?.status ?? failure.status;
      errorType = rendered?.code ?? failure.type;
      payload = rendered?.body ?? failure.message;
      trail?.failed(errorType, failure.message);
    }
    res.writeHead(status, {
      'Content-Type': 'text/xml',
      'Content-Length': Buffer.byteLength(payload),
      'x-amzn-RequestId': requestId,
    });
    res.end(payload);
    return { label, status, errorType };
  }

  /** One line per request; the label (target or query Action) is the client's, so it is escaped. */
  function logRequest(outcome: Outcome, started: number, requestId: string): void {
    const ms = (performance.now() - started).toFixed(1);
    const label = logField(outcome.label);
    if (outcome.aborted) {
      const { received, declared } = outcome.aborted;
      log(
        `aborted ${label}: the client closed the connection after ${received} of ${declared ?? 'an unknown number of'} body bytes ${ms}ms ${requestId}`,
      );
      return;
    }
    log(
      `${outcome.status} ${label}${outcome.errorType ? ` ${outcome.errorType}` : ''} ${ms}ms ${requestId}`,
    );
  }

  /**
   * A refused origin is not served at all (not only denied CORS headers): a page cannot even make
   * the sandbox act on a request whose answer it would not be allowed to read.
   */
  function refuseOrigin(verdict: CorsVerdict & { kind: 'refused' }, res: ServerResponse): void {
    const hint = refusalHint(verdict.origin);
    res.writeHead(403, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(hint),
    });
    res.end(hint);
    log(`403 ${hint}`);
  }

  function answerPreflight(req: IncomingMessage, res: ServerResponse, verdict: CorsVerdict): void {
    const unexpected = unexpectedRequestHeaders(req);
    if (unexpected.length > 0 && verdict.kind === 'allowed') {
      log(
        `preflight from ${logField(verdict.origin)} asks for headers the AWS SDKs do not send, which are not allowed: ${logField(unexpected.join(', '))}`,
      );
    }
    cors.answerPreflight(req, res);
  }

  function route(req: IncomingMessage, res: ServerResponse, requestId: string, started: number) {
    applySecurityHeaders(res);
    const verdict = cors.judge(req);
    cors.applyTo(verdict, res);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (verdict.kind === 'refused' && !reading) {
      refuseOrigin(verdict, res);
      return;
    }
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, verdict);
      return;
    }
    const url = requestUrl(req);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad Request: the request target is not a path.');
      log(`400 bad request target ${logField(req.url ?? '')} ${requestId}`);
      return;
    }
    if (reading) {
      for (const getRoute of getRoutes) {
        const answer = getRoute(url.pathname);
        if (answer) {
          res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType });
          res.end(answer.body);
          return;
        }
      }
      if (options.consoleFiles) {
        options.consoleFiles(url.pathname, res);
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('KMS sandbox: send AWS JSON 1.1 requests here (aws kms … --endpoint-url).\n');
      }
      return;
    }
    const target = headerValue(req.headers, 'x-amz-target');
    const handled = target
      ? handleJson(req, res, url, target, requestId)
      : handleQuery(req, res, url, requestId);
    handled.then(
      (outcome) => {
        if (options.log) logRequest(outcome, started, requestId);
      },
      (error: unknown) => fail(res, requestId, error),
    );
  }

  /** The last line of defence: whatever went wrong, answer (if still possible) and keep serving. */
  function fail(res: ServerResponse, requestId: string, error: unknown): void {
    log(`failed to answer ${requestId}: ${logField(String((error as Error)?.message ?? error))}`);
    if (!res.headersSent) res.writeHead(400);
    res.end();
  }

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const requestId = randomUUID();
    try {
      route(req, res, requestId, started);
    } catch (error) {
      fail(res, requestId, error);
    }
  };
}
