import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../app';
import { rawRequest, startTestSandbox, type TestSandbox } from './harness';

const SECRET = 'root:$6$not-for-browsers';

/** A GET with the path exactly as written (fetch would normalize `..` away before sending). */
function getRaw(sandbox: { url: string }, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('the console files and the headers they are served with', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kms-console-files-'));
  const root = join(dir, 'dist');
  const outside = join(dir, 'outside');
  let sandbox: TestSandbox;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>KMS Console</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {};');
    writeFileSync(
      join(root, 'config.json'),
      JSON.stringify({ endpoint: 'http://moto.internal:5000/', sandbox: false }),
    );
    writeFileSync(join(outside, 'secret.txt'), SECRET);
    // What a stray or planted link in the console directory could expose.
    symlinkSync(join(outside, 'secret.txt'), join(root, 'shadow.txt'));
    symlinkSync(outside, join(root, 'linked-dir'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'leak.js'));
    sandbox = await startTestSandbox({
      consoleDir: root,
      connectSources: ['https://kms.vpce.example.com'],
    });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console with a CSP, nosniff, no framing and no referrer', async () => {
    const answer = await rawRequest(sandbox, { method: 'GET', path: '/keys' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('KMS Console');
    const csp = answer.headers.get('content-security-policy')!;
    const directives = new Map(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https://*.amazonaws.com',
      'https://*.amazonaws.com.cn',
      'http://localhost:*',
      'http://127.0.0.1:*',
      // config.json's endpoint, then --connect-src
      'http://moto.internal:5000',
      'https://kms.vpce.example.com',
    ]);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends nosniff and no-framing headers with API answers too', async () => {
    const answer = await rawRequest(sandbox, {
      headers: { 'x-amz-target': 'TrentService.ListKeys' },
    });
    expect(answer.type).toBe('MissingAuthenticationTokenException');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('serves files inside the console directory', async () => {
    const answer = await rawRequest(sandbox, { method: 'GET', path: '/assets/app-1234.js' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never follows a symlink out of the console directory', async () => {
    for (const path of ['/shadow.txt', '/linked-dir/secret.txt', '/assets/leak.js']) {
      const answer = await getRaw(sandbox, path);
      expect(answer.body, path).not.toContain(SECRET);
      expect(answer.status, path).toBe(404);
    }
  });

  it('never serves a path that climbs out of the console directory', async () => {
    for (const path of [
      '/../outside/secret.txt',
      '/%2e%2e/outside/secret.txt',
      '/assets/..%2f..%2foutside%2fsecret.txt',
    ]) {
      const answer = await getRaw(sandbox, path);
      expect(answer.body, path).not.toContain(SECRET);
    }
  });

  it('refuses to start on a console directory that does not exist, before locking any state', async () => {
    await expect(startSandbox({ memory: true, consoleDir: join(dir, 'missing') })).rejects.toThrow(
      `--console ${join(dir, 'missing')}: no such directory (npm run build writes the console to dist).`,
    );
  });
});
