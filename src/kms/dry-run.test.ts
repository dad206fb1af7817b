import { describe, expect, it } from 'vitest';
import { classifyDryRun, withDryRun } from './dry-run';

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const DENIED =
  'User: arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333:key/8f7e6d5c-3b2a-4a1f-8ad9-3456789abcde with an explicit deny in a resource-based policy';

describe('withDryRun', () => {
  it('sets DryRun and ignores the ciphertext when Decrypt has none', () => {
    expect(withDryRun({ operation: 'Decrypt', input: { KeyId: 'alias/demo-app' } })).toEqual({
      operation: 'Decrypt',
      input: {
        KeyId: 'alias/demo-app',
        DryRun: true,
        CiphertextBlob: undefined,
        DryRunModifiers: ['IGNORE_CIPHERTEXT'],
      },
    });
  });

  it('keeps a given ciphertext, so KMS checks it too', () => {
    const blob = new Uint8Array([1, 2, 3]);
    const request = withDryRun({
      operation: 'ReEncrypt',
      input: { CiphertextBlob: blob, DestinationKeyId: 'alias/demo-app' },
    });
    expect(request.input).toEqual({
      CiphertextBlob: blob,
      DestinationKeyId: 'alias/demo-app',
      DryRun: true,
    });
  });

  it('only adds DryRun to other operations', () => {
    const request = withDryRun({
      operation: 'Encrypt',
      input: { KeyId: 'k', Plaintext: new Uint8Array(1) },
    });
    expect(request.input).toEqual({ KeyId: 'k', Plaintext: new Uint8Array(1), DryRun: true });
  });
});

describe('classifyDryRun', () => {
  it('DryRunOperationException means it would succeed', () => {
    const outcome = classifyDryRun(
      'Encrypt',
      awsError(
        'DryRunOperationException',
        'The request would have succeeded, but the DryRun option is set.',
      ),
    );
    expect(outcome).toMatchObject({ verdict: 'would-succeed', summary: 'Would succeed' });
  });

  it('AccessDenied names the policy type', () => {
    const outcome = classifyDryRun('Decrypt', awsError('AccessDeniedException', DENIED));
    expect(outcome.verdict).toBe('denied');
    expect(outcome.summary).toBe('Denied: explicit deny in a resource-based policy');
    expect(outcome.accessDenied?.action).toBe('kms:Decrypt');
    const identity = classifyDryRun(
      'Encrypt',
      awsError(
        'AccessDeniedException',
        'User: arn:aws:iam::111122223333:user/u is not authorized to perform: kms:Encrypt on resource: arn:aws:kms:us-east-1:111122223333:key/k because no identity-based policy allows the kms:Encrypt action',
      ),
    );
    expect(identity.summary).toBe('Denied: no identity-based policy allows it');
  });

  it('other exceptions are the real reason it would fail', () => {
    const outcome = classifyDryRun('Encrypt', awsError('DisabledException', 'key is disabled'));
    expect(outcome).toMatchObject({
      verdict: 'would-fail',
      summary: 'Would fail: The key is disabled',
      message: 'key is disabled',
    });
    expect(outcome.error?.title).toBe('The key is disabled');
  });

  it('a refused placeholder signature or MAC means everything else passed', () => {
    const verify = classifyDryRun(
      'Verify',
      awsError('KMSInvalidSignatureException', ''),
      'Signature',
    );
    expect(verify.verdict).toBe('would-succeed');
    expect(verify.caveat).toMatch(/placeholder signature/);
    const mac = classifyDryRun('VerifyMac', awsError('KMSInvalidMacException', ''), 'Mac');
    expect(mac.verdict).toBe('would-succeed');
    // Without a placeholder, an invalid signature is the real answer.
    expect(classifyDryRun('Verify', awsError('KMSInvalidSignatureException', '')).verdict).toBe(
      'would-fail',
    );
  });

  it('network and credential failures mean the check did not happen', () => {
    const outcome = classifyDryRun('Encrypt', awsError('TypeError', 'Failed to fetch'));
    expect(outcome.verdict).toBe('not-checked');
    expect(classifyDryRun('Encrypt', awsError('ExpiredTokenException', 'expired')).verdict).toBe(
      'not-checked',
    );
  });

  it('an endpoint that ignores DryRun is reported, not taken for a check', () => {
    expect(classifyDryRun('Encrypt', undefined).verdict).toBe('performed');
  });
});
