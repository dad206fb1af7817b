import { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { runDryRun, type DryRunRequest } from './dry-run';
import { declareDryRunSupport, dryRunSupportOf } from './dry-run-support';

type Behaviour = 'honours' | 'ignores' | 'denies';

/** A KMS endpoint that honours DryRun, ignores it (as moto does), or denies every key use. */
function endpoint(behaviour: Behaviour) {
  const calls: string[] = [];
  const json = (status: number, body: object) => ({
    response: {
      statusCode: status,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: new Blob([JSON.stringify(body)]).stream(),
    },
  });
  const handler = {
    async handle(request: { headers: Record<string, string>; body: string }) {
      const operation = (request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const input = JSON.parse(request.body) as { DryRun?: boolean };
      calls.push(input.DryRun ? `${operation} (DryRun)` : operation);
      if (operation === 'DescribeKey') {
        return json(200, { KeyMetadata: { KeyId: 'k', KeySpec: 'SYMMETRIC_DEFAULT' } });
      }
      if (behaviour === 'denies') {
        return json(400, { __type: 'AccessDeniedException', message: 'not authorized' });
      }
      if (behaviour === 'honours' && input.DryRun) {
        return json(412, {
          __type: 'DryRunOperationException',
          message: 'The request would have succeeded, but the DryRun option is set.',
        });
      }
      return json(200, operation === 'CreateGrant' ? { GrantId: 'g', GrantToken: 't' } : {});
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  const kms = new KMSClient({
    region: 'us-east-1',
    endpoint: 'http://kms.test',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: handler,
  });
  return { kms, calls };
}

const CREATE_GRANT: DryRunRequest = {
  operation: 'CreateGrant',
  input: {
    KeyId: 'k',
    GranteePrincipal: 'arn:aws:iam::123456789012:user/moto',
    Operations: ['Decrypt'],
  },
};

describe('DryRun support', () => {
  it('never sends CreateGrant to an endpoint that performs dry runs, and says why', async () => {
    const { kms, calls } = endpoint('ignores');
    const outcome = await runDryRun(kms, CREATE_GRANT);
    expect(calls).toEqual(['DescribeKey', 'Encrypt (DryRun)']);
    expect(outcome.verdict).toBe('not-checked');
    expect(outcome.message).toMatch(/ignores DryRun \(it performed Encrypt.*would create a grant/);
    expect(dryRunSupportOf(kms).current.support).toBe('ignored');
    // Known now: no second probe, and Decrypt without ciphertext is not sent either.
    const decrypt = await runDryRun(kms, { operation: 'Decrypt', input: { KeyId: 'k' } });
    expect(decrypt.verdict).toBe('not-checked');
    expect(decrypt.message).toContain('needs a real ciphertext');
    expect(calls).toEqual(['DescribeKey', 'Encrypt (DryRun)']);
  });

  it('sends it once a harmless dry run was answered as one', async () => {
    const { kms, calls } = endpoint('honours');
    const outcome = await runDryRun(kms, CREATE_GRANT);
    expect(outcome.verdict).toBe('would-succeed');
    expect(calls).toEqual(['DescribeKey', 'Encrypt (DryRun)', 'CreateGrant (DryRun)']);
  });

  it('does not send it while the answer is unknown, and asks once per key', async () => {
    const { kms, calls } = endpoint('denies');
    const outcome = await runDryRun(kms, CREATE_GRANT);
    await runDryRun(kms, CREATE_GRANT);
    expect(outcome.message).toMatch(
      /is not known \(a harmless dry run of Encrypt on k was answered AccessDeniedException/,
    );
    expect(calls).toEqual(['DescribeKey', 'Encrypt (DryRun)']);
  });

  it('learns from the answers to harmless checks, which change nothing when performed', async () => {
    const { kms, calls } = endpoint('ignores');
    const outcome = await runDryRun(kms, {
      operation: 'Encrypt',
      input: { KeyId: 'k', Plaintext: new Uint8Array(1) },
    });
    expect(outcome).toMatchObject({ verdict: 'performed' });
    expect(outcome.message).toContain('changes nothing');
    expect(dryRunSupportOf(kms).current.support).toBe('ignored');
    expect(calls).toEqual(['Encrypt (DryRun)']);
  });

  it('asks nothing of endpoints known to honour DryRun', async () => {
    const { kms, calls } = endpoint('honours');
    declareDryRunSupport(kms, { support: 'honoured', basis: 'AWS KMS honours DryRun.' });
    await runDryRun(kms, CREATE_GRANT);
    expect(calls).toEqual(['CreateGrant (DryRun)']);
  });
});
