import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DecryptCommand,
  DescribeKeyCommand,
  ListGrantsCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  SignCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, startTestSandbox, type TestSandbox } from './harness';
import { DEMO_ACCOUNT as ACCOUNT } from '../scenario/demo-scenario';

/*
 * sandbox/conformance/fixtures/state-v2 is a state directory written by the previous release
 * (schema version 2, commit 13cb453: one Region, keys identified by key id alone): started with
 * `--state-dir`, then through the SDK it created a key with a tag, alias and grant, encrypted
 * under it, rotated it on demand and encrypted again, scheduled another key for deletion and
 * made an RSA signing key; written.json records what it wrote. It was stopped with SIGTERM, so
 * everything is in sandbox.sqlite.
 */
const FIXTURE = join(import.meta.dirname, 'fixtures', 'state-v2');
const written = JSON.parse(readFileSync(join(FIXTURE, 'written.json'), 'utf8')) as {
  keyId: string;
  doomedKeyId: string;
  rsaKeyId: string;
  grantId: string;
  ciphertextBeforeRotation: string;
  ciphertextAfterRotation: string;
};
const SEEDED_FIRST = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('a state directory written by the previous release', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kms-sandbox-v2-'));
  let sandbox: TestSandbox;

  beforeAll(async () => {
    cpSync(FIXTURE, stateDir, { recursive: true });
    sandbox = await startTestSandbox({ memory: false, stateDir });
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('keeps every key, in us-east-1 and in creation order; other Regions are empty', async () => {
    const east = await sandbox.kms().send(new ListKeysCommand({}));
    const ids = east.Keys?.map((k) => k.KeyId);
    expect(ids?.[0]).toBe(SEEDED_FIRST);
    expect(ids?.slice(-3)).toEqual([written.keyId, written.doomedKeyId, written.rsaKeyId]);
    expect(east.Keys?.every((k) => k.KeyArn?.startsWith(`arn:aws:kms:us-east-1:${ACCOUNT}:`))).toBe(
      true,
    );
    const west = await sandbox.kms(DEMO_ADMIN, 'eu-west-1').send(new ListKeysCommand({}));
    expect(west.Keys).toEqual([]);
  });

  it('keeps descriptions, states, deletion dates, aliases, tags and grants', async () => {
    const kms = sandbox.kms();
    const byAlias = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/old-release' }));
    expect(byAlias.KeyMetadata).toMatchObject({
      KeyId: written.keyId,
      Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${written.keyId}`,
      Description: 'written by the previous release',
      MultiRegion: false,
    });
    const doomed = await kms.send(new DescribeKeyCommand({ KeyId: written.doomedKeyId }));
    expect(doomed.KeyMetadata?.KeyState).toBe('PendingDeletion');
    expect(doomed.KeyMetadata?.DeletionDate).toBeInstanceOf(Date);
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: written.keyId }));
    expect(tags.Tags).toEqual([{ TagKey: 'team', TagValue: 'payments' }]);
    const grants = await kms.send(new ListGrantsCommand({ KeyId: written.keyId }));
    expect(grants.Grants?.map((g) => [g.GrantId, g.Name])).toEqual([
      [written.grantId, 'old-grant'],
    ]);
  });

  it('keeps every key material version: old ciphertexts decrypt, the RSA key signs', async () => {
    const kms = sandbox.kms();
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: written.keyId }));
    expect(rotations.Rotations?.map((r) => r.RotationType)).toEqual(['ON_DEMAND']);
    const before = await kms.send(
      new DecryptCommand({
        CiphertextBlob: Buffer.from(written.ciphertextBeforeRotation, 'base64'),
        EncryptionContext: { department: 'finance' },
      }),
    );
    expect(Buffer.from(before.Plaintext!).toString()).toBe('sealed before the rotation');
    const after = await kms.send(
      new DecryptCommand({
        CiphertextBlob: Buffer.from(written.ciphertextAfterRotation, 'base64'),
      }),
    );
    expect(Buffer.from(after.Plaintext!).toString()).toBe('sealed after the rotation');
    const signed = await kms.send(
      new SignCommand({
        KeyId: written.rsaKeyId,
        Message: Buffer.from('still signs'),
        SigningAlgorithm: 'RSASSA_PSS_SHA_256',
      }),
    );
    expect(signed.Signature?.length).toBe(256);
  });

  it('opens again once migrated, with nothing lost', async () => {
    await sandbox.close();
    sandbox = await startTestSandbox({ memory: false, stateDir });
    const described = await sandbox
      .kms()
      .send(new DescribeKeyCommand({ KeyId: 'alias/old-release' }));
    expect(described.KeyMetadata?.KeyId).toBe(written.keyId);
  });
});
