import { request } from 'node:http';
import { DEMO_ADMIN, signedJsonRequest, type SignedJsonRequestOptions } from './harness';

/** A request as bytes on the wire: header lines in order, repeats allowed. */
export interface WireRequest {
  headers: [string, string][];
  body: string;
}

export interface WireAnswer {
  status: number;
  text: string;
  type?: string;
  message?: string;
}

/** Sends a WireRequest as written (Node's fetch would merge repeated headers). */
export function sendWire(sandbox: { url: string }, wire: WireRequest): Promise<WireAnswer> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: '/', method: 'POST', headers: wire.headers.flat() },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: { __type?: string; message?: string } = {};
          try {
            parsed = JSON.parse(text) as typeof parsed;
          } catch {
            // not an AWS JSON error
          }
          resolve({
            status: res.statusCode ?? 0,
            text,
            type: parsed.__type,
            message: parsed.message,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(wire.body);
  });
}

/** A KMS request (ListKeys unless told) signed as the SDKs sign it, as wire lines. */
export async function signedWire(
  sandbox: { url: string },
  options: Partial<SignedJsonRequestOptions> = {},
): Promise<WireRequest> {
  const body = options.body ?? '{}';
  const { headers } = await signedJsonRequest(sandbox.url, {
    target: 'TrentService.ListKeys',
    ...options,
    body,
  });
  return { headers: Object.entries(headers), body };
}

const header = (wire: WireRequest, name: string) =>
  wire.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? '';

function withHeader(wire: WireRequest, name: string, value: string): WireRequest {
  return {
    ...wire,
    headers: wire.headers.map(([n, v]) => [n, n.toLowerCase() === name ? value : v]),
  };
}

/** A signed request whose Authorization header is then rewritten. */
async function withAuthorization(
  sandbox: { url: string },
  rewrite: (authorization: string) => string,
): Promise<WireRequest> {
  const wire = await signedWire(sandbox);
  return withHeader(wire, 'authorization', rewrite(header(wire, 'authorization')));
}

/** A refusal and AWS's answer to it: exception type, and the message where it is fixed. */
export interface Forgery {
  name: string;
  build(sandbox: { url: string }): Promise<WireRequest>;
  type: string;
  message?: string | RegExp;
}

const MISMATCH = /^The request signature we calculated does not match the signature you provided/;

/**
 * Requests an attacker (or a broken client) can send that AWS refuses before doing anything.
 * Each is built from a correctly signed request, then altered the way the name says.
 */
export const FORGERIES: Forgery[] = [
  {
    name: 'no signature at all',
    build: async (sandbox) => ({
      headers: [
        ['host', new URL(sandbox.url).host],
        ['content-type', 'application/x-amz-json-1.1'],
        ['x-amz-target', 'TrentService.ListKeys'],
      ],
      body: '{}',
    }),
    type: 'MissingAuthenticationTokenException',
  },
  {
    name: 'SignedHeaders names a header the request does not carry',
    build: (sandbox) =>
      withAuthorization(sandbox, (auth) =>
        auth.replace(/SignedHeaders=([^,]+)/, 'SignedHeaders=$1;x-extra'),
      ),
    type: 'IncompleteSignatureException',
    message: "'x-extra' is named as a SignedHeader, but it does not exist in the HTTP request.",
  },
  {
    name: 'host not signed',
    build: (sandbox) => signedWire(sandbox, { unsigned: ['host'] }),
    type: 'InvalidSignatureException',
    message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  },
  {
    name: 'x-amz-date not signed',
    build: (sandbox) => signedWire(sandbox, { unsigned: ['x-amz-date'] }),
    type: 'InvalidSignatureException',
    message: "'x-amz-date' must be a 'SignedHeader' in the AWS Authorization.",
  },
  {
    name: 'X-Amz-Target not signed, then swapped for another operation',
    build: async (sandbox) =>
      withHeader(
        await signedWire(sandbox, { unsigned: ['x-amz-target'] }),
        'x-amz-target',
        'TrentService.CreateKey',
      ),
    type: 'InvalidSignatureException',
    message: "'x-amz-target' must be a 'SignedHeader' in the AWS Authorization.",
  },
  {
    name: 'two Authorization headers',
    build: async (sandbox) => {
      const wire = await signedWire(sandbox);
      return {
        ...wire,
        headers: [...wire.headers, ['authorization', header(wire, 'authorization')]],
      };
    },
    type: 'IncompleteSignatureException',
    message: 'The request has more than one Authorization header; send exactly one.',
  },
  {
    name: 'the signature in upper-case hex',
    build: (sandbox) =>
      withAuthorization(sandbox, (auth) =>
        auth.replace(/Signature=(\w+)/, (_m, sig: string) => `Signature=${sig.toUpperCase()}`),
      ),
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'a long-term (AKIA) key with a session token',
    build: (sandbox) =>
      signedWire(sandbox, { credentials: { ...DEMO_ADMIN, sessionToken: 'not-a-session' } }),
    type: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  },
  {
    name: 'the wrong secret',
    build: (sandbox) =>
      signedWire(sandbox, {
        credentials: { ...DEMO_ADMIN, secretAccessKey: `x${DEMO_ADMIN.secretAccessKey.slice(1)}` },
      }),
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'the body changed after signing',
    build: async (sandbox) => ({
      ...(await signedWire(sandbox, { body: '{"Limit":1}' })),
      body: '{"Limit":2}',
    }),
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'an unknown access key',
    build: (sandbox) =>
      signedWire(sandbox, {
        credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x'.repeat(40) },
      }),
    type: 'UnrecognizedClientException',
  },
];
