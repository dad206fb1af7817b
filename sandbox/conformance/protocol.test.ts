import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN, signedJsonRequest, suiteSandbox } from './harness';

interface RawAnswer {
  status: number;
  type?: string;
  message?: string;
  headers: Headers;
}

describe('wire protocol and SigV4', () => {
  const sandbox = suiteSandbox();

  const signed = (options: {
    target?: string;
    body?: string;
    signingDate?: Date;
    secret?: string;
    extraHeaders?: Record<string, string>;
    service?: string;
  }) =>
    signedJsonRequest(sandbox.url, {
      ...options,
      target: options.target ?? 'TrentService.ListKeys',
      credentials: { ...DEMO_ADMIN, secretAccessKey: options.secret ?? DEMO_ADMIN.secretAccessKey },
    });

  async function send(
    request: { headers: Record<string, string>; body?: unknown },
    bodyOverride?: string,
  ): Promise<RawAnswer> {
    const response = await fetch(sandbox.url, {
      method: 'POST',
      headers: request.headers,
      body: bodyOverride ?? (request.body as string),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as { __type?: string; message?: string }) : {};
    return {
      status: response.status,
      type: parsed.__type,
      message: parsed.message,
      headers: response.headers,
    };
  }

  it('answers a correctly signed request', async () => {
    const answer = await send(await signed({}));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const client = new KMSClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x'.repeat(40) },
      maxAttempts: 1,
    });
    await expect(client.send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    client.destroy();
  });

  it('refuses a wrong secret with InvalidSignatureException', async () => {
    const answer = await send(await signed({ secret: 'not-the-secret' }));
    expect(answer.type).toBe('InvalidSignatureException');
    expect(answer.message).toMatch(/does not match the signature you provided/);
  });

  it('refuses a body changed after signing', async () => {
    const answer = await send(await signed({ body: '{"Limit":1}' }), '{"Limit":2}');
    expect(answer.type).toBe('InvalidSignatureException');
  });

  it('refuses a body that does not match x-amz-content-sha256', async () => {
    const request = await signed({
      body: '{"Limit":1}',
      extraHeaders: { 'x-amz-content-sha256': '0'.repeat(64) },
    });
    const answer = await send(request);
    expect(answer.type).toBe('InvalidSignatureException');
    expect(answer.message).toMatch(/x-amz-content-sha256/);
  });

  it('refuses requests signed more than 5 minutes ago', async () => {
    const answer = await send(await signed({ signingDate: new Date(Date.now() - 6 * 60_000) }));
    expect(answer.type).toBe('InvalidSignatureException');
    expect(answer.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('accepts requests signed 4 minutes ago', async () => {
    const answer = await send(await signed({ signingDate: new Date(Date.now() - 4 * 60_000) }));
    expect(answer.status).toBe(200);
  });

  it('refuses requests dated more than 5 minutes ahead', async () => {
    const answer = await send(await signed({ signingDate: new Date(Date.now() + 6 * 60_000) }));
    expect(answer.type).toBe('InvalidSignatureException');
    expect(answer.message).toMatch(/^Signature not yet current/);
  });

  it('refuses a request signed for another service', async () => {
    const answer = await send(await signed({ service: 's3' }));
    expect(answer.type).toBe('InvalidSignatureException');
  });

  it('refuses unsigned requests with MissingAuthenticationTokenException', async () => {
    const response = await fetch(sandbox.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'TrentService.ListKeys',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe(
      'MissingAuthenticationTokenException',
    );
  });

  it('answers malformed JSON with SerializationException', async () => {
    const answer = await send(await signed({ body: '{"Limit": ' }));
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('SerializationException');
  });

  it('answers a wrongly typed member with SerializationException', async () => {
    const answer = await send(await signed({ body: '{"Limit": "ten"}' }));
    expect(answer.type).toBe('SerializationException');
  });

  it('answers an unknown target with UnknownOperationException', async () => {
    const answer = await send(await signed({ target: 'TrentService.MakeCoffee' }));
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('UnknownOperationException');
  });

  it('validates in AWS words', async () => {
    const answer = await send(await signed({ body: '{"Limit": 0}' }));
    expect(answer.type).toBe('ValidationException');
    expect(answer.message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('refuses oversized bodies without a server error', async () => {
    const body = JSON.stringify({ Description: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await send(await signed({ target: 'TrentService.CreateKey', body }));
    expect(answer.status).toBe(413);
    expect(answer.type).toBe('RequestEntityTooLargeException');
  });
});
