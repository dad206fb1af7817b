import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import {
  CRYPTOGRAPHIC_OPERATIONS,
  DRY_RUN_OPERATIONS,
  describeOperation,
  KMS_OPERATIONS,
  sendKmsOperation,
  type KmsOperationName,
} from './operations';

const NAMES = Object.keys(KMS_OPERATIONS) as KmsOperationName[];

describe('the operation table', () => {
  it('lists the operations that take DryRun, the grant operations as state-changing', () => {
    expect(DRY_RUN_OPERATIONS).not.toContain('GenerateRandom');
    expect(DRY_RUN_OPERATIONS).not.toContain('GetPublicKey');
    expect(DRY_RUN_OPERATIONS).toEqual(
      expect.arrayContaining(['Encrypt', 'Decrypt', 'CreateGrant']),
    );
    const changing = NAMES.filter(
      (name) => describeOperation(name).dryRun?.performed !== undefined,
    );
    expect(changing).toEqual(['CreateGrant', 'RetireGrant', 'RevokeGrant']);
  });

  it('writes --grant-tokens and --dry-run last exactly for the operations that take DryRun', () => {
    for (const name of NAMES) {
      const spec = KMS_OPERATIONS[name];
      if (!('cli' in spec)) continue;
      const members = spec.cli.params.map((param) => param.member);
      const dryRun = 'dryRun' in spec;
      expect(members.includes('DryRun'), name).toBe(dryRun);
      if (dryRun) expect(members.slice(-2), name).toEqual(['GrantTokens', 'DryRun']);
    }
  });

  it('counts grants as key management, not cryptography, in the activity panel', () => {
    expect(CRYPTOGRAPHIC_OPERATIONS.has('GenerateRandom')).toBe(true);
    expect(CRYPTOGRAPHIC_OPERATIONS.has('GetPublicKey')).toBe(true);
    expect(CRYPTOGRAPHIC_OPERATIONS.has('CreateGrant')).toBe(false);
  });

  it('sends an operation with its own SDK command and the input as given', async () => {
    const sent: unknown[] = [];
    const kms = {
      send: async (command: unknown) => {
        sent.push(command);
        return { $metadata: {}, KeyId: 'k' };
      },
    } as unknown as KMSClient;
    const blob = new Uint8Array([1, 2]);
    const output = await sendKmsOperation(kms, 'Decrypt', { CiphertextBlob: blob });
    expect(output.KeyId).toBe('k');
    expect(sent[0]).toBeInstanceOf(DecryptCommand);
    expect((sent[0] as DecryptCommand).input).toEqual({ CiphertextBlob: blob });
  });
});
