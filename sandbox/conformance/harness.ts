import { KMSClient } from '@aws-sdk/client-kms';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../app';
import { IAM_USERS } from '../scenario/demo-scenario';

export const DEMO_ADMIN = {
  accessKeyId: IAM_USERS[0].accessKeyId,
  secretAccessKey: IAM_USERS[0].secretAccessKey,
};
export const PARTNER_ADMIN = {
  accessKeyId: IAM_USERS[1].accessKeyId,
  secretAccessKey: IAM_USERS[1].secretAccessKey,
};

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A clock tests can move forward, e.g. past a scheduled deletion date. */
export class TestClock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export interface TestSandbox extends RunningSandbox {
  clock: TestClock;
  /** A real SDK client over HTTP, signing with the test clock so moved clocks stay in the window. */
  kms(credentials?: AwsCredentials): KMSClient;
}

/** Starts an in-memory sandbox on a free port; the suite talks to it only over HTTP. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = new TestClock();
  const sandbox = await startSandbox({ memory: true, clock: clock.now, ...options });
  const clients: KMSClient[] = [];
  return {
    ...sandbox,
    clock,
    kms(credentials = DEMO_ADMIN) {
      const client = new KMSClient({
        endpoint: sandbox.url,
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
      });
      // The SDK reads this offset at signing time, so advancing the clock later still works.
      Object.defineProperty(client.config, 'systemClockOffset', {
        get: () => clock.offsetMs,
        set: () => undefined,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      await sandbox.close();
    },
  };
}
