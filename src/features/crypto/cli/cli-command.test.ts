import { describe, expect, it } from 'vitest';
import { buildCliCommand, commandName, optionName } from './cli-command';
import { shellQuote } from './shell';

const SANDBOX = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' };
const plaintext = new TextEncoder().encode('hello');

describe('names', () => {
  it('follows the CLI naming of operations and members', () => {
    expect(commandName('GenerateDataKeyPairWithoutPlaintext')).toBe(
      'generate-data-key-pair-without-plaintext',
    );
    expect(commandName('ReEncrypt')).toBe('re-encrypt');
    expect(optionName('CiphertextBlob')).toBe('--ciphertext-blob');
    expect(optionName('SourceEncryptionContext')).toBe('--source-encryption-context');
    expect(optionName('KeyId')).toBe('--key-id');
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('alias/demo-app')).toBe('alias/demo-app');
    expect(shellQuote('department=finance,team=payments')).toBe('department=finance,team=payments');
    expect(shellQuote('{"a":"b c"}')).toBe(`'{"a":"b c"}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /)')).toBe(`'$(rm -rf /)'`);
  });
});

describe('buildCliCommand', () => {
  it('writes Encrypt with the endpoint, fileb:// input, shorthand context and a decoding tail', () => {
    const command = buildCliCommand(
      'Encrypt',
      {
        KeyId: 'alias/demo-app',
        Plaintext: plaintext,
        EncryptionContext: { department: 'finance', team: 'payments' },
      },
      SANDBOX,
    );
    expect(command.text).toBe(
      [
        'aws kms encrypt',
        '--endpoint-url http://127.0.0.1:4566',
        '--region us-east-1',
        '--key-id alias/demo-app',
        '--plaintext fileb://plaintext.bin',
        '--encryption-context department=finance,team=payments',
        '--query CiphertextBlob',
        '--output text',
      ].join(' \\\n  ') + ' | base64 --decode > ciphertext.bin',
    );
    expect(command.inputs).toEqual([
      { member: 'Plaintext', name: 'plaintext.bin', bytes: plaintext },
    ]);
    expect(command.outputs).toEqual(['ciphertext.bin']);
  });

  it('omits --endpoint-url for AWS and falls back to quoted JSON for unusual contexts', () => {
    const command = buildCliCommand(
      'Decrypt',
      { CiphertextBlob: plaintext, EncryptionContext: { 'my key': "O'Brien" } },
      { region: 'eu-west-1' },
    );
    expect(command.text).not.toContain('--endpoint-url');
    expect(command.text).toContain(`--encryption-context '{"my key":"O'\\''Brien"}'`);
    expect(command.text).toContain('--query Plaintext');
  });

  it('splits several binary outputs of one call into their files', () => {
    const command = buildCliCommand(
      'GenerateDataKey',
      { KeyId: 'alias/demo-app', KeySpec: 'AES_256' },
      SANDBOX,
    );
    expect(command.text).toContain(`--query '[Plaintext,CiphertextBlob]'`);
    expect(command.text).toMatch(
      /\| \{ read -r b1 b2; printf '%s' "\$b1" \| base64 --decode > data-key\.bin; printf '%s' "\$b2" \| base64 --decode > data-key\.encrypted\.bin; \}$/,
    );
    expect(command.outputs).toEqual(['data-key.bin', 'data-key.encrypted.bin']);
  });

  it('writes numbers, lists, flags, and text outputs', () => {
    expect(buildCliCommand('GenerateRandom', { NumberOfBytes: 32 }, SANDBOX).text).toContain(
      '--number-of-bytes 32',
    );
    const verify = buildCliCommand(
      'Verify',
      {
        KeyId: 'alias/demo-sign',
        Message: plaintext,
        Signature: plaintext,
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
        GrantTokens: ['t1', 't2'],
        DryRun: true,
      },
      SANDBOX,
    );
    expect(verify.text).toContain('--grant-tokens t1 t2');
    expect(verify.text).toContain('--dry-run');
    expect(verify.text).toContain('--signature fileb://signature.bin');
    expect(verify.text.endsWith('--query SignatureValid \\\n  --output text')).toBe(true);
    expect(verify.inputs.map((file) => file.name)).toEqual(['message.bin', 'signature.bin']);
  });

  it('leaves out empty contexts and grant token lists', () => {
    const command = buildCliCommand(
      'Encrypt',
      { KeyId: 'k', Plaintext: plaintext, EncryptionContext: {}, GrantTokens: [] },
      SANDBOX,
    );
    expect(command.text).not.toContain('--encryption-context');
    expect(command.text).not.toContain('--grant-tokens');
  });
});
