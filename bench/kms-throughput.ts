import { availableParallelism } from 'node:os';
import { CreateKeyCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { benchClient, runLoad, type LoadResult } from './load';
import { presignedCaller } from './presigned';
import { startMoto, startSandboxProcess, type Service } from './processes';

export const ADMIN = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const CONCURRENCY = [1, 8, 64];
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const PLAINTEXT = new Uint8Array(256).fill(7);
const CONTEXT = { department: 'finance' };

export type Operation = 'Encrypt' | 'Decrypt' | 'GenerateDataKey';

export async function prepare(client: KMSClient) {
  const key = await client.send(new CreateKeyCommand({ Description: 'bench' }));
  const keyId = key.KeyMetadata!.KeyId!;
  const encrypted = await client.send(
    new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT, EncryptionContext: CONTEXT }),
  );
  return { keyId, ciphertext: encrypted.CiphertextBlob! };
}

/** Wire bodies exactly as the SDK would send them (blobs in base64). */
export function operationBody(op: Operation, keyId: string, ciphertext: Uint8Array): object {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  switch (op) {
    case 'Encrypt':
      return { KeyId: keyId, Plaintext: base64(PLAINTEXT), EncryptionContext: CONTEXT };
    case 'Decrypt':
      return { CiphertextBlob: base64(ciphertext), EncryptionContext: CONTEXT };
    case 'GenerateDataKey':
      return { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: CONTEXT };
  }
}

export interface ThroughputRow extends LoadResult {
  target: string;
  operation: Operation;
}

export async function measureService(
  target: string,
  service: Service,
  operations: Operation[] = ['Encrypt', 'Decrypt', 'GenerateDataKey'],
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const setup = benchClient(service.url, ADMIN, 1);
  const { keyId, ciphertext } = await prepare(setup);
  setup.destroy();
  for (const operation of operations) {
    for (const concurrency of CONCURRENCY) {
      const call = await presignedCaller(
        service.url,
        ADMIN,
        operation,
        operationBody(operation, keyId, ciphertext),
        concurrency,
      );
      const result = await runLoad(call, { concurrency, seconds: SECONDS });
      call.close();
      rows.push({ target, operation, ...result });
      console.error(
        `  ${target} ${operation} x${concurrency}: ${result.throughput.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms`,
      );
    }
  }
  return rows;
}

/** Sandbox (with and without authorization) and moto, same machine, same client, same run. */
export async function benchKmsThroughput(): Promise<string> {
  const rows: ThroughputRow[] = [];
  const sandbox = await startSandboxProcess();
  try {
    rows.push(...(await measureService('sandbox', sandbox)));
  } finally {
    await sandbox.stop();
  }
  const unauthorized = await startSandboxProcess(['--skip-authorization']);
  try {
    rows.push(...(await measureService('sandbox, authorization off', unauthorized, ['Encrypt'])));
  } finally {
    await unauthorized.stop();
  }
  let motoNote = '';
  try {
    const moto = await startMoto(Number(process.env.MOTO_PORT ?? 5077));
    try {
      rows.push(...(await measureService('moto', moto)));
    } finally {
      await moto.stop();
    }
  } catch (error) {
    motoNote = `\nmoto could not run: ${(error as Error).message}\n`;
  }

  const lines = [
    '## KMS throughput: sandbox vs moto',
    '',
    `Each cell: ${SECONDS} s after 1 s warm-up; requests SigV4-signed up front and their bytes replayed over raw HTTP/1.1 keep-alive connections (the server verifies every signature), 256-byte plaintext with an encryption context. Load generator and server share this machine's ${availableParallelism()} cores.`,
    '',
    '| target | operation | clients | req/s | p50 ms | p99 ms | errors |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.target} | ${r.operation} | ${r.concurrency} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`,
    ),
  ];
  const ratio = (op: Operation, c: number) => {
    const s = rows.find((r) => r.target === 'sandbox' && r.operation === op && r.concurrency === c);
    const m = rows.find((r) => r.target === 'moto' && r.operation === op && r.concurrency === c);
    return s && m ? (s.throughput / m.throughput).toFixed(1) : 'n/a';
  };
  lines.push(
    '',
    `Encrypt throughput ratio sandbox/moto: ${CONCURRENCY.map((c) => `${c} clients ${ratio('Encrypt', c)}x`).join(', ')}.`,
    motoNote,
  );
  return lines.join('\n');
}
