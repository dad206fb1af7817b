import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeysCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
} from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY_ID, DEMO_ACCOUNT } from '../scenario/demo-scenario';
import {
  DEMO_ADMIN,
  failure,
  keyArn,
  keyPolicyWith,
  signInAs,
  stsClient,
  suiteSandbox,
} from './harness';

const appKeyArn = keyArn(APP_KEY_ID);

const sandbox = suiteSandbox();
const east = sandbox.kms(DEMO_ADMIN, 'us-east-1');
const west = sandbox.kms(DEMO_ADMIN, 'eu-west-1');

const keyIds = async (client: KMSClient) =>
  ((await client.send(new ListKeysCommand({}))).Keys ?? []).map((k) => k.KeyId);

describe('every Region of the credential scope is served', () => {
  it('answers a request signed for eu-west-1; the demo keys stay in us-east-1', async () => {
    expect(await keyIds(west)).toEqual([]);
    expect(await keyIds(east)).toContain(APP_KEY_ID);
    const aliases = (await west.send(new ListAliasesCommand({}))).Aliases ?? [];
    expect(aliases.filter((a) => a.AliasName?.startsWith('alias/demo-'))).toEqual([]);
  });

  it.each(['moon-1', 'mars-east-1', 'cn-north-1', 'us-gov-west-1', 'aws-global'])(
    'refuses a scope that names no Region of the aws partition (%s)',
    async (region) => {
      expect(await failure(sandbox.kms(DEMO_ADMIN, region).send(new ListKeysCommand({})))).toEqual({
        name: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region, not '${region}'. `,
      });
    },
  );

  it('STS answers in any Region with the same global identity', async () => {
    const sts = stsClient(sandbox, DEMO_ADMIN, 'ap-southeast-2');
    try {
      const answer = await sts.send(new GetCallerIdentityCommand({}));
      expect(answer.Arn).toBe(`arn:aws:iam::${DEMO_ACCOUNT}:user/admin`);
    } finally {
      sts.destroy();
    }
  });

  it('Cognito credentials from the us-east-1 identity pool work in every Region', async () => {
    const credentials = await signInAs(sandbox, 'operator');
    const operatorWest = sandbox.kms(credentials, 'eu-west-1');
    expect(await keyIds(operatorWest)).toEqual(expect.any(Array));
    const denied = await failure(
      operatorWest.send(new CreateKeyCommand({ Description: 'operator may not' })),
    );
    expect(denied.name).toBe('AccessDeniedException');
  });
});

describe('keys, aliases and grants live per account and Region', () => {
  let westKeyId: string;
  let westKeyArn: string;

  beforeAll(async () => {
    const created = await west.send(new CreateKeyCommand({ Description: 'Irish key' }));
    westKeyId = created.KeyMetadata!.KeyId!;
    westKeyArn = created.KeyMetadata!.Arn!;
  });

  it('a key created in eu-west-1 carries the Region in its ARN and is listed there only', async () => {
    expect(westKeyArn).toBe(`arn:aws:kms:eu-west-1:${DEMO_ACCOUNT}:key/${westKeyId}`);
    expect(await keyIds(west)).toEqual([westKeyId]);
    expect(await keyIds(east)).not.toContain(westKeyId);
  });

  it('another Region finds no key by id, and refuses its ARN as AWS does', async () => {
    expect(await failure(east.send(new DescribeKeyCommand({ KeyId: westKeyId })))).toEqual({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${DEMO_ACCOUNT}:key/${westKeyId}' does not exist`,
    });
    expect(await failure(east.send(new DescribeKeyCommand({ KeyId: westKeyArn })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid arn eu-west-1',
    });
    expect(
      await failure(
        east.send(new EncryptCommand({ KeyId: westKeyArn, Plaintext: Buffer.from('x') })),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid arn eu-west-1' });
  });

  it('one alias name names a different key in each Region', async () => {
    await west.send(
      new CreateAliasCommand({ AliasName: 'alias/demo-app', TargetKeyId: westKeyId }),
    );
    const westAlias = await west.send(new DescribeKeyCommand({ KeyId: 'alias/demo-app' }));
    const eastAlias = await east.send(new DescribeKeyCommand({ KeyId: 'alias/demo-app' }));
    expect(westAlias.KeyMetadata?.Arn).toBe(westKeyArn);
    expect(eastAlias.KeyMetadata?.Arn).toBe(appKeyArn);
    const listed = (await west.send(new ListAliasesCommand({}))).Aliases ?? [];
    expect(listed.find((a) => a.AliasName === 'alias/demo-app')).toMatchObject({
      AliasArn: `arn:aws:kms:eu-west-1:${DEMO_ACCOUNT}:alias/demo-app`,
      TargetKeyId: westKeyId,
    });
    expect(
      await failure(
        east.send(
          new DescribeKeyCommand({ KeyId: `arn:aws:kms:eu-west-1:${DEMO_ACCOUNT}:alias/demo-app` }),
        ),
      ),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid arn eu-west-1' });
  });

  it('ciphertext of a single-Region key opens only in its own Region', async () => {
    const { CiphertextBlob } = await east.send(
      new EncryptCommand({ KeyId: APP_KEY_ID, Plaintext: Buffer.from('stays home') }),
    );
    expect((await failure(west.send(new DecryptCommand({ CiphertextBlob })))).name).toBe(
      'InvalidCiphertextException',
    );
    expect(
      await failure(west.send(new DecryptCommand({ CiphertextBlob, KeyId: appKeyArn }))),
    ).toEqual({ name: 'NotFoundException', message: 'Invalid arn us-east-1' });
    const opened = await east.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(opened.Plaintext!).toString()).toBe('stays home');
  });

  it('grants are regional: listed, retirable and retired in their Region only', async () => {
    const retiring = `arn:aws:iam::${DEMO_ACCOUNT}:user/admin`;
    const { GrantToken, GrantId } = await west.send(
      new CreateGrantCommand({
        KeyId: westKeyId,
        GranteePrincipal: `arn:aws:iam::${DEMO_ACCOUNT}:role/KmsOperator`,
        RetiringPrincipal: retiring,
        Operations: ['Encrypt'],
      }),
    );
    const westGrants = await west.send(new ListGrantsCommand({ KeyId: westKeyId }));
    expect(westGrants.Grants?.map((g) => [g.GrantId, g.KeyId])).toEqual([[GrantId, westKeyArn]]);
    const retirable = async (client: KMSClient) =>
      (
        (await client.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiring })))
          .Grants ?? []
      ).map((g) => g.GrantId);
    expect(await retirable(west)).toEqual([GrantId]);
    expect(await retirable(east)).not.toContain(GrantId);
    expect((await failure(east.send(new RetireGrantCommand({ GrantToken })))).name).toBe(
      'NotFoundException',
    );
    await west.send(new RetireGrantCommand({ GrantToken }));
    expect(await retirable(west)).toEqual([]);
  });
});

describe('authorization sees the Region and the key type', () => {
  const keyWithPolicy = async (client: KMSClient, deny: object) => {
    const policy = keyPolicyWith({
      Sid: 'Deny',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:Encrypt',
      ...deny,
    });
    const created = await client.send(new CreateKeyCommand({ Policy: policy }));
    return created.KeyMetadata!.KeyId!;
  };
  const encrypt = (client: KMSClient, KeyId: string) =>
    client.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('x') }));

  it('aws:RequestedRegion is the Region of the request', async () => {
    const deny = {
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    };
    const westKey = await keyWithPolicy(west, deny);
    const eastKey = await keyWithPolicy(east, deny);
    expect((await failure(encrypt(west, westKey))).message).toMatch(
      /with an explicit deny in a resource-based policy$/,
    );
    await expect(encrypt(east, eastKey)).resolves.toMatchObject({ KeyId: expect.any(String) });
  });

  it('kms:MultiRegion is false for a single-Region key', async () => {
    const key = await keyWithPolicy(east, {
      Resource: '*',
      Condition: { Bool: { 'kms:MultiRegion': 'false' } },
    });
    expect((await failure(encrypt(east, key))).name).toBe('AccessDeniedException');
  });
});
