import { ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCorsOrigin, SDK_REQUEST_HEADERS } from '../http/cors';
import { rawRequest, signedJsonRequest, startTestSandbox, type TestSandbox } from './harness';

const EVIL = 'https://evil.example';
const STATIC_HOST = 'https://console.example.com';
/** What the AWS SDK for JavaScript v3 asks for in a browser preflight (seen in Chromium). */
const BROWSER_SDK_HEADERS =
  'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-security-token,x-amz-target,x-amz-user-agent';

function preflight(sandbox: TestSandbox, origin: string, extra: Record<string, string> = {}) {
  return rawRequest(sandbox, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': BROWSER_SDK_HEADERS,
      ...extra,
    },
  });
}

const corsHeaders = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS: the console itself and the origins named with --cors-origin, nothing else', () => {
  let sandbox: TestSandbox;
  const lines: string[] = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox({ corsOrigins: [STATIC_HOST], log: (l) => lines.push(l) });
  });
  afterAll(() => sandbox.close());

  it('gives a page on another origin no CORS headers at all, and logs how to allow it', async () => {
    const answer = await preflight(sandbox, EVIL, {
      'access-control-request-private-network': 'true',
    });
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer.headers)).toEqual([]);
    expect(lines.join('\n')).toContain(
      `refused a cross-origin request from ${EVIL}: this sandbox answers its own console and the origins named with --cors-origin; to allow it: npm run sandbox -- --cors-origin ${EVIL}`,
    );
  });

  it('does not act on a request from a refused origin, even a correctly signed one', async () => {
    const kms = sandbox.kms();
    const before = (await kms.send(new ListKeysCommand({}))).Keys!.length;
    const request = await signedJsonRequest(sandbox.url, {
      target: 'TrentService.CreateKey',
      extraHeaders: { origin: EVIL },
    });
    const answer = await rawRequest(sandbox, request);
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer.headers)).toEqual([]);
    expect((await kms.send(new ListKeysCommand({}))).Keys!.length).toBe(before);
  });

  it("refuses the 'null' origin of sandboxed frames and file:// pages", async () => {
    const answer = await preflight(sandbox, 'null');
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the console it serves (same origin as the Host it was reached by)', async () => {
    const own = sandbox.url;
    const request = await signedJsonRequest(sandbox.url, {
      target: 'TrentService.ListKeys',
      extraHeaders: { origin: own },
    });
    const answer = await rawRequest(sandbox, request);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(own);
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('grants an origin named with --cors-origin exactly the headers the AWS SDKs send', async () => {
    const answer = await preflight(sandbox, STATIC_HOST, {
      'access-control-request-headers': `${BROWSER_SDK_HEADERS},x-evil`,
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(STATIC_HOST);
    expect(answer.headers.get('vary')).toBe('Origin');
    const allowed = answer.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual([...SDK_REQUEST_HEADERS]);
    for (const name of BROWSER_SDK_HEADERS.split(',')) expect(allowed).toContain(name);
    expect(allowed).not.toContain('x-evil');
    expect(lines.join('\n')).toContain(
      `preflight from ${STATIC_HOST} asks for headers the AWS SDKs do not send, which are not allowed: x-evil`,
    );
  });

  it('grants no Private Network Access unless asked to', async () => {
    const answer = await preflight(sandbox, STATIC_HOST, {
      'access-control-request-private-network': 'true',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('lets a named origin read KMS answers and errors', async () => {
    const answer = await rawRequest(sandbox, {
      headers: {
        origin: STATIC_HOST,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.ListKeys',
      },
      body: '{}',
    });
    expect(answer.type).toBe('MissingAuthenticationTokenException');
    expect(answer.headers.get('access-control-allow-origin')).toBe(STATIC_HOST);
  });
});

describe('CORS options', () => {
  it("'*' answers every origin with Access-Control-Allow-Origin: *", async () => {
    const sandbox = await startTestSandbox({ corsOrigins: ['*'] });
    try {
      const answer = await preflight(sandbox, EVIL);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await sandbox.close();
    }
  });

  it('--cors-private-network grants Private Network Access to allowed origins only', async () => {
    const sandbox = await startTestSandbox({
      corsOrigins: [STATIC_HOST],
      corsPrivateNetwork: true,
    });
    try {
      const pna = { 'access-control-request-private-network': 'true' };
      const allowed = await preflight(sandbox, STATIC_HOST, pna);
      expect(allowed.headers.get('access-control-allow-private-network')).toBe('true');
      const refused = await preflight(sandbox, EVIL, pna);
      expect(refused.headers.get('access-control-allow-private-network')).toBeNull();
    } finally {
      await sandbox.close();
    }
  });

  it('reads --cors-origin values as browsers write origins, and explains wrong ones', () => {
    expect(parseCorsOrigin('http://LOCALHOST:5173/')).toBe('http://localhost:5173');
    expect(parseCorsOrigin('https://console.example.com:443')).toBe(STATIC_HOST);
    expect(parseCorsOrigin('*')).toBe('*');
    expect(() => parseCorsOrigin('http://localhost:5173/console')).toThrow(
      "--cors-origin takes an origin (http or https, host, optional port, no path), e.g. http://localhost:5173, not 'http://localhost:5173/console'.",
    );
    expect(() => parseCorsOrigin('localhost:5173')).toThrow(/takes an origin/);
    expect(() => parseCorsOrigin('null')).toThrow(/every sandboxed frame/);
  });
});
