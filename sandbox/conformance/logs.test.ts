import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_LOG_FIELD_CHARS } from '../http/log-fields';
import { rawSocket, startTestSandbox, type TestSandbox } from './harness';

describe('the request log', () => {
  let sandbox: TestSandbox;
  const lines: string[] = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox({ log: (line) => lines.push(line) });
  });
  afterAll(() => sandbox.close());

  /** The log lines written while `act` runs, once `until` matches one of them. */
  async function logged(act: () => Promise<unknown>, until: RegExp): Promise<string[]> {
    const from = lines.length;
    await act();
    await vi.waitFor(() => expect(lines.slice(from).some((l) => until.test(l))).toBe(true));
    return lines.slice(from);
  }

  it('logs a client that hangs up mid-body as an aborted request, not a server error', async () => {
    const written = await logged(
      () =>
        new Promise<void>((resolve) => {
          const { hostname, port } = new URL(sandbox.url);
          const socket = connect(Number(port), hostname, () => {
            socket.write(
              'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.CreateKey\r\n' +
                'Content-Length: 1000\r\n\r\n{"Descr',
              () => {
                socket.destroy();
                resolve();
              },
            );
          });
        }),
      /^aborted /,
    );
    // One line, matched whole, so a failure shows every line that was written.
    expect(written.join('\n')).toMatch(
      /^aborted TrentService\.CreateKey: the client closed the connection after 7 of 1000 body bytes [\d.]+ms [0-9a-f-]{36}$/,
    );
  });

  it('shows control characters in a logged target as escapes, never raw', async () => {
    // Bytes 0x80–0xFF in a header arrive as Latin-1, where 0x9B is the terminal's CSI.
    const target = Buffer.from('TrentService.Evil\x9b2J\x1b', 'latin1');
    const written = await logged(
      () =>
        rawSocket(
          sandbox,
          Buffer.concat([
            Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: '),
            target.subarray(0, -1), // HTTP refuses 0x1B in a header; the query body below carries it
            Buffer.from('\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'),
          ]),
        ),
      /UnknownOperationException/,
    );
    expect(written.at(-1)).toContain('TrentService.Evil\\x9b2J UnknownOperationException');
    // eslint-disable-next-line no-control-regex -- the point: no raw control character is logged
    expect(written.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('keeps a forged log line inside one line (query Action with newlines and escapes)', async () => {
    const action = 'GetCallerIdentity\n200 sts.Fake 0.1ms forged\u001b[2J\u2028';
    const written = await logged(
      () =>
        fetch(sandbox.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ Action: action, Version: '2011-06-15' }).toString(),
        }),
      /MissingAuthenticationToken/,
    );
    const line = written.at(-1)!;
    expect(line).toContain(
      'sts.GetCallerIdentity\\x0a200 sts.Fake 0.1ms forged\\x1b[2J\\u2028 MissingAuthenticationToken',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('truncates a long logged target', async () => {
    const target = `TrentService.${'A'.repeat(5000)}`;
    const written = await logged(
      () =>
        fetch(sandbox.url, {
          method: 'POST',
          headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
          body: '{}',
        }),
      /UnknownOperationException/,
    );
    const line = written.at(-1)!;
    expect(line).toContain(`${target.slice(0, MAX_LOG_FIELD_CHARS)}…(${target.length} chars)`);
    expect(line.length).toBeLessThan(MAX_LOG_FIELD_CHARS + 120);
  });
});
