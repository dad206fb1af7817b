import { connect, type Socket } from 'node:net';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

interface Response {
  status: number;
  keepAlive: boolean;
}

/**
 * Reads one HTTP/1.x response from the start of `data`: undefined until it is complete. Bodies
 * framed by Content-Length, chunked encoding or (when `closed`) the end of the connection.
 */
function parseResponse(data: Buffer, closed: boolean): Response | undefined {
  const headerEnd = data.indexOf('\r\n\r\n');
  if (headerEnd < 0) return undefined;
  const [statusLine, ...lines] = data.toString('latin1', 0, headerEnd).split('\r\n');
  const [version, code] = statusLine.split(' ');
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const connection = headers.get('connection')?.toLowerCase();
  const keepAlive = version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
  const response = { status: Number(code), keepAlive };
  const bodyStart = headerEnd + 4;
  const length = headers.get('content-length');
  if (length !== undefined) return data.length >= bodyStart + Number(length) ? response : undefined;
  if (headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = data.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(data.toString('latin1', at, lineEnd), 16);
      if (size === 0) return data.indexOf('\r\n\r\n', lineEnd) >= 0 ? response : undefined;
      at = lineEnd + 2 + size + 2;
      if (at > data.length) return undefined;
    }
  }
  return closed ? { ...response, keepAlive: false } : undefined;
}

/** One connection replaying a fixed request, one response at a time; reconnects when closed. */
class ReplayConnection {
  private socket: Socket | undefined;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: Response) => void; reject: (e: Error) => void } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly request: Buffer,
  ) {}

  send(): Promise<Response> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.received = Buffer.alloc(0);
      this.socket ??= this.connect();
      this.socket.write(this.request);
    });
  }

  private connect(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => {
      if (socket !== this.socket) return;
      this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
      const response = parseResponse(this.received, false);
      if (response) this.finish(socket, response);
    });
    const ended = (error?: Error) => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      const response = parseResponse(this.received, true);
      if (response) this.finish(socket, response);
      else this.fail(error ?? new Error('the server closed the connection mid-response'));
    };
    socket.on('error', ended);
    socket.on('close', () => ended());
    return socket;
  }

  private finish(socket: Socket, response: Response): void {
    if (!response.keepAlive) {
      if (this.socket === socket) this.socket = undefined;
      socket.destroy();
    }
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(response);
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }
}

/**
 * A load generator that costs the client almost nothing per request, so the numbers describe
 * the server: a pool of requests is SigV4-signed up front (valid for five minutes, far longer
 * than a benchmark cell) and the request's bytes are written as they are over keep-alive
 * connections, reading back only the status and framing (node:http's client cost about half
 * as much CPU per request as the sandbox itself, on the same two cores). The server still
 * verifies every signature, parses, authorizes and operates on every request.
 */
export async function presignedCaller(
  endpoint: string,
  credentials: Credentials,
  target: string,
  body: object,
  concurrency: number,
): Promise<(() => Promise<void>) & { close(): void }> {
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
  const head = Object.entries({ ...signed.headers, connection: 'keep-alive' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const request = Buffer.concat([
    Buffer.from(`POST / HTTP/1.1\r\n${head}\r\n`, 'latin1'),
    Buffer.from(payload, 'utf8'),
  ]);
  const port = Number(url.port || 80);
  const open = () => new ReplayConnection(url.hostname, port, request);
  // One connection per concurrent caller, connected on first use; more only if over-subscribed.
  const all = Array.from({ length: concurrency }, open);
  const idle = [...all];
  const call = async () => {
    let connection = idle.pop();
    if (!connection) {
      connection = open();
      all.push(connection);
    }
    try {
      const { status } = await connection.send();
      if (status !== 200) throw new Error(`HTTP ${status}`);
    } finally {
      idle.push(connection);
    }
  };
  return Object.assign(call, {
    close: () => {
      for (const connection of all) connection.close();
    },
  });
}
