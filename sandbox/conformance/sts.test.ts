import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import {
  type AwsCredentials,
  DEMO_ADMIN,
  failureWithStatus,
  PARTNER_ADMIN,
  signInAs,
  stsClient,
  suiteSandbox,
} from './harness';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const element = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe('STS GetCallerIdentity', () => {
  const sandbox = suiteSandbox({ sessionTtlSeconds: 900 });

  /** A query-protocol request signed for `sts`, sent with fetch so the raw XML can be read. */
  async function raw(body: string, credentials: AwsCredentials | 'unsigned' = DEMO_ADMIN) {
    const host = new URL(sandbox.url).host;
    let request = new HttpRequest({
      method: 'POST',
      hostname: host.split(':')[0],
      path: '/',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    if (credentials !== 'unsigned') {
      const signer = new SignatureV4({
        credentials,
        region: 'us-east-1',
        service: 'sts',
        sha256: Hash.bind(null, 'sha256'),
      });
      request = (await signer.sign(request, { signingDate: sandbox.clock.now() })) as HttpRequest;
    }
    const response = await fetch(sandbox.url, {
      method: 'POST',
      headers: request.headers,
      body,
    });
    return { status: response.status, headers: response.headers, xml: await response.text() };
  }

  it('answers for the demo IAM user', async () => {
    const caller = await stsClient(sandbox).send(new GetCallerIdentityCommand({}));
    expect(caller).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/admin',
      UserId: 'AIDAJQABLZS4A3QDU576Q',
    });
  });

  it('answers for the partner IAM user', async () => {
    const caller = await stsClient(sandbox, PARTNER_ADMIN).send(new GetCallerIdentityCommand({}));
    expect(caller).toMatchObject({
      Account: '444455556666',
      Arn: 'arn:aws:iam::444455556666:user/admin',
    });
  });

  it('answers in the query protocol XML shape', async () => {
    const answer = await raw('Action=GetCallerIdentity&Version=2011-06-15');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/xml');
    const requestId = answer.headers.get('x-amzn-requestid');
    expect(answer.xml).toBe(
      `<GetCallerIdentityResponse xmlns="${NAMESPACE}">\n` +
        '  <GetCallerIdentityResult>\n' +
        '    <Arn>arn:aws:iam::111122223333:user/admin</Arn>\n' +
        '    <UserId>AIDAJQABLZS4A3QDU576Q</UserId>\n' +
        '    <Account>111122223333</Account>\n' +
        '  </GetCallerIdentityResult>\n' +
        '  <ResponseMetadata>\n' +
        `    <RequestId>${requestId}</RequestId>\n` +
        '  </ResponseMetadata>\n' +
        '</GetCallerIdentityResponse>\n',
    );
  });

  it('answers errors in the query protocol XML shape', async () => {
    const answer = await raw('Action=AssumeRoot&Version=2011-06-15');
    expect(answer.status).toBe(400);
    expect(answer.xml).toBe(
      `<ErrorResponse xmlns="${NAMESPACE}">\n` +
        '  <Error>\n' +
        '    <Type>Sender</Type>\n' +
        '    <Code>InvalidAction</Code>\n' +
        '    <Message>Could not find operation AssumeRoot for version 2011-06-15</Message>\n' +
        '  </Error>\n' +
        `  <RequestId>${answer.headers.get('x-amzn-requestid')}</RequestId>\n` +
        '</ErrorResponse>\n',
    );
  });

  it('refuses an unknown access key with InvalidClientTokenId (403)', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNEXAMPLE01', secretAccessKey: 'x'.repeat(40) };
    expect(
      await failureWithStatus(stsClient(sandbox, unknown).send(new GetCallerIdentityCommand({}))),
    ).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch (403)', async () => {
    const wrong = { ...DEMO_ADMIN, secretAccessKey: 'x'.repeat(40) };
    expect(
      await failureWithStatus(stsClient(sandbox, wrong).send(new GetCallerIdentityCommand({}))),
    ).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses an unsigned request with MissingAuthenticationToken (403)', async () => {
    const answer = await raw('Action=GetCallerIdentity&Version=2011-06-15', 'unsigned');
    expect(answer.status).toBe(403);
    expect(element(answer.xml, 'Code')).toBe('MissingAuthenticationToken');
    expect(element(answer.xml, 'Message')).toBe('Request is missing Authentication Token');
  });

  // The model's ExpiredTokenException (code ExpiredTokenException) is about web identity tokens;
  // expired request credentials are refused, like in every query-protocol service, as ExpiredToken.
  it('refuses expired temporary credentials with ExpiredToken', async () => {
    const credentials = await signInAs(sandbox, 'operator');
    const sts = stsClient(sandbox, credentials);
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    sandbox.clock.advance(901_000);
    expect(await failureWithStatus(sts.send(new GetCallerIdentityCommand({})))).toEqual({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      status: 400,
    });
    const answer = await raw('Action=GetCallerIdentity&Version=2011-06-15', credentials);
    expect(element(answer.xml, 'Code')).toBe('ExpiredToken');
  });

  it('refuses an unknown session token with InvalidClientTokenId', async () => {
    const credentials = await signInAs(sandbox, 'guest');
    const forged = { ...credentials, sessionToken: Buffer.alloc(120, 1).toString('base64') };
    expect(
      await failureWithStatus(stsClient(sandbox, forged).send(new GetCallerIdentityCommand({}))),
    ).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });
});
