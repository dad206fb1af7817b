import type { IncomingMessage, ServerResponse } from 'node:http';
import { logField } from './log-fields';
import { parseOrigin } from './origins';

/** Headers browsers may read from our answers; the SDK reads the request id and error type. */
const EXPOSED = [
  'x-amzn-RequestId',
  'x-amzn-ErrorType',
  'x-amzn-ErrorMessage',
  'x-amz-request-id',
  'x-amz-id-2',
  'Date',
].join(', ');

/**
 * The request headers the AWS SDKs for JavaScript (v3 and v2) set in a browser, signed or not:
 * SigV4 (authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256), the AWS JSON
 * protocol (content-type, x-amz-target), and the SDKs' telemetry (x-amz-user-agent,
 * amz-sdk-invocation-id, amz-sdk-request). A preflight is granted exactly these.
 */
export const SDK_REQUEST_HEADERS: readonly string[] = [
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'authorization',
  'content-type',
  'x-amz-content-sha256',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-target',
  'x-amz-user-agent',
];

export interface CorsOptions {
  /** Origins (`scheme://host[:port]`) allowed besides the console's own; `*` allows every origin. */
  origins?: readonly string[];
  /** Grant Private Network Access preflights (public page → this machine) to allowed origins. */
  allowPrivateNetwork?: boolean;
}

export type CorsVerdict =
  /** No Origin header: not a browser's cross-origin request (the CLI, an SDK in Node). */
  { kind: 'no-origin' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };

/** A `--cors-origin` value: an origin, or `*` for every origin. */
export function parseCorsOrigin(value: string): string {
  return value === '*' ? value : parseOrigin('--cors-origin', value);
}

/** The line `npm run sandbox` prints at start when the options weaken the default. */
export function corsWarnings(options: CorsOptions): string[] {
  if (!options.origins?.includes('*')) return [];
  return [
    "Warning: --cors-origin '*' lets every web page you visit call this sandbox, and the demo users' passwords are public. Name the console's origins instead (--cors-origin http://localhost:5173).",
  ];
}

/**
 * CORS for the sandbox: a browser request is answered with CORS headers only when it comes from
 * the console this sandbox serves (same origin as the request's Host) or from an origin named
 * with `--cors-origin`. Credentials travel in signed headers, never cookies, but the demo
 * passwords are public, so any page that may call the sandbox may sign in as `admin`.
 */
export class Cors {
  private readonly origins: ReadonlySet<string>;
  private readonly anyOrigin: boolean;

  constructor(private readonly options: CorsOptions = {}) {
    this.origins = new Set(options.origins ?? []);
    this.anyOrigin = this.origins.has('*');
  }

  judge(req: IncomingMessage): CorsVerdict {
    const origin = req.headers.origin;
    if (origin === undefined) return { kind: 'no-origin' };
    if (this.anyOrigin || this.origins.has(origin) || origin === `http://${req.headers.host}`) {
      return { kind: 'allowed', origin };
    }
    return { kind: 'refused', origin };
  }

  /** Headers on every answer to an allowed origin. */
  applyTo(verdict: CorsVerdict, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin');
    if (verdict.kind !== 'allowed') return;
    res.setHeader('Access-Control-Allow-Origin', this.anyOrigin ? '*' : verdict.origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
  }

  /** Answers a preflight from an allowed origin. */
  answerPreflight(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', SDK_REQUEST_HEADERS.join(', '));
    res.setHeader('Access-Control-Max-Age', '7200');
    if (
      this.options.allowPrivateNetwork &&
      req.headers['access-control-request-private-network'] === 'true'
    ) {
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
    res.writeHead(204);
    res.end();
  }
}

/** Requested preflight headers the SDKs never send (a hint for the log when a call fails). */
export function unexpectedRequestHeaders(req: IncomingMessage): string[] {
  const requested = req.headers['access-control-request-headers'];
  if (!requested) return [];
  return requested
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && !SDK_REQUEST_HEADERS.includes(name));
}

/** What a refused origin is told (in the log; the browser sees no CORS headers at all). */
export function refusalHint(origin: string): string {
  const shown = logField(origin);
  const how =
    origin === 'null'
      ? "'null' is the origin of sandboxed frames and file:// pages: serve the console over http(s) and name that origin"
      : `to allow it: npm run sandbox -- --cors-origin ${shown}`;
  return `refused a cross-origin request from ${shown}: this sandbox answers its own console and the origins named with --cors-origin; ${how}`;
}
