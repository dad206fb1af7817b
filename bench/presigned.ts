import { Agent, request } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * A load generator that costs the client almost nothing per request, so the numbers describe
 * the server: a pool of requests is SigV4-signed up front (valid for five minutes, far longer
 * than a benchmark cell) and replayed over keep-alive connections. The server still verifies
 * every signature, parses, authorizes and operates on every request.
 */
export async function presignedCaller(
  endpoint: string,
  credentials: Credentials,
  target: string,
  body: object,
  concurrency: number,
): Promise<() => Promise<void>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials,
    region: 'us-east-1',
    service: 'kms',
    sha256: Hash.bind(null, 'sha256'),
  });
  const payload = JSON.stringify(body);
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `TrentService.${target}`,
        'content-length': String(Buffer.byteLength(payload)),
      },
      body: payload,
    }),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = signed.headers;
  return () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { agent, host: url.hostname, port: url.port, method: 'POST', path: '/', headers },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}
