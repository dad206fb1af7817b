import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_POLICY } from '../scenario/demo-scenario';
import { startTestSandbox, type TestSandbox } from './harness';

describe('GET /sandbox/identity-policies/<principal>', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const read = (arn: string) =>
    fetch(`${sandbox.url}/sandbox/identity-policies/${encodeURIComponent(arn)}`, {
      headers: { origin: sandbox.url },
    });

  it("answers a role session's policies (its role's), named, with CORS", async () => {
    const session = 'arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials';
    const answer = await read(session);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('access-control-allow-origin')).toBe(sandbox.url);
    expect(await answer.json()).toEqual({
      principal: session,
      policies: [{ name: 'KmsOperatorPolicy', document: OPERATOR_POLICY }],
    });
  });

  it("answers an IAM user's policies, and 404 for principals it does not know", async () => {
    const user = (await (await read('arn:aws:iam::111122223333:user/admin')).json()) as {
      policies: { name: string }[];
    };
    expect(user.policies.map((policy) => policy.name)).toEqual(['adminPolicy']);
    expect((await read('arn:aws:iam::111122223333:role/Nobody')).status).toBe(404);
  });
});
