import type { Duplex } from 'node:stream';
import { logField } from './log-fields';

/** How long a refused connection may keep sending before it is closed anyway. */
const DRAIN_MS = 5_000;

const ANSWERS: Record<string, { status: number; reason: string; body: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    body: 'The request headers are larger than the sandbox accepts (16 KB in all).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    body: 'The request did not arrive in time.',
  },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', body: 'The request is not valid HTTP.' };

const answered = new WeakSet<Duplex>();

/**
 * Answers a request Node's HTTP parser refused (headers too large, not HTTP). Node's own answer
 * closes the connection while the client is still sending, so the client usually sees a reset
 * instead of the status; here the status is sent, the rest of the request is read and dropped,
 * and the connection closes once the client is done (or after DRAIN_MS).
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  log?: (line: string) => void,
): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  // The client hung up (mid-request: HPE_INVALID_EOF_STATE): nobody to answer, and the request
  // handler already logs a request whose body stopped short.
  if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(answer.body)}\r\n` +
      'Connection: close\r\n\r\n' +
      answer.body,
  );
  socket.on('data', () => undefined);
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  log?.(`${answer.status} ${answer.reason} (${logField(error.code ?? error.message)})`);
}
