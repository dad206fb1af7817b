import type { IncomingMessage, ServerResponse } from 'node:http';

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
 * KMS answers browsers from any origin (that is what lets a static console call it), so the
 * sandbox does too. Credentials are in signed headers, never cookies, so `*` semantics are safe.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    requested ??
      'authorization, content-type, x-amz-content-sha256, x-amz-date, x-amz-security-token, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request',
  );
  res.setHeader('Access-Control-Max-Age', '86400');
  // Lets a console served from a public origin reach a sandbox on this machine (Private Network Access).
  if (req.headers['access-control-request-private-network']) {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  res.writeHead(204);
  res.end();
}
