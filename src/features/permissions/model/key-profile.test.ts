import type { KeySpec, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  CHOSEN_PROFILES,
  KEY_KIND_LABELS,
  keyTypeSource,
  profileFromMetadata,
  type KeyTypeSource,
} from './key-profile';

class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
}

const sourceOf = (result: QueryObserverResult<unknown>) =>
  keyTypeSource({
    keyValid: true,
    status: result.status,
    accessDenied: result.error instanceof AccessDeniedException,
  });

describe('keyTypeSource', () => {
  it('asks for the type when DescribeKey is denied, and only then', () => {
    const lookup = { keyValid: true, accessDenied: false } as const;
    expect(keyTypeSource({ ...lookup, status: 'error', accessDenied: true })).toBe('chosen');
    expect(keyTypeSource({ ...lookup, status: 'error' })).toBe('none');
    expect(keyTypeSource({ ...lookup, status: 'success' })).toBe('described');
    expect(keyTypeSource({ ...lookup, status: 'pending' })).toBeUndefined();
    expect(keyTypeSource({ keyValid: false, status: 'pending', accessDenied: false })).toBe('none');
  });

  it('has no answer while a denied key is looked up again or another key is looked up', async () => {
    // The guest on alias/demo-app, then alias/demo-sign: DescribeKey is denied every time.
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = (keyRef: string) => ({
      queryKey: ['describe', keyRef],
      queryFn: () => Promise.reject(new AccessDeniedException(`${keyRef}: not authorized`)),
    });
    const observer = new QueryObserver<unknown>(client, options('alias/demo-app'));
    const seen: Array<KeyTypeSource | undefined> = [];
    const unsubscribe = observer.subscribe((result) => seen.push(sourceOf(result)));
    const settled = () => observer.refetch().catch(() => undefined);
    await settled();
    expect(sourceOf(observer.getCurrentResult())).toBe('chosen');

    // Asking again clears the error: the lookup is `pending` until AccessDenied comes back.
    seen.length = 0;
    const again = settled();
    expect(observer.getCurrentResult().status).toBe('pending');
    await again;
    // Another key starts `pending` too.
    observer.setOptions(options('alias/demo-sign'));
    await settled();
    unsubscribe();
    client.clear();

    expect(seen).toContain(undefined);
    // What the page shows: the last answer while there is none, so "Key type" stays put.
    let held: KeyTypeSource = 'chosen';
    for (const source of seen) {
      held = source ?? held;
      expect(held).toBe('chosen');
    }
  });
});

describe('profileFromMetadata', () => {
  it('checks each signing key family with an algorithm the key supports', () => {
    const signing = (KeySpec: KeySpec, SigningAlgorithms: SigningAlgorithmSpec[]) =>
      profileFromMetadata({ KeyId: 'k', KeySpec, KeyUsage: 'SIGN_VERIFY', SigningAlgorithms });
    expect(signing('ECC_NIST_P256', ['ECDSA_SHA_256'])).toMatchObject({
      kind: 'ecc-signing',
      signingAlgorithm: 'ECDSA_SHA_256',
    });
    expect(signing('RSA_2048', ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256'])).toMatchObject({
      kind: 'rsa-signing',
      signingAlgorithm: 'RSASSA_PSS_SHA_256',
    });
    expect(signing('ML_DSA_65', ['ML_DSA_SHAKE_256'])).toMatchObject({
      kind: 'ml-dsa-signing',
      signingAlgorithm: 'ML_DSA_SHAKE_256',
    });
  });

  it('offers a chosen type per algorithm family, each named for what it checks', () => {
    // An ML-DSA key checked with ECDSA_SHA_256 would be refused for its algorithm, not its
    // permissions: the families the user can pick must not share an algorithm.
    expect(CHOSEN_PROFILES['ml-dsa-signing'].signingAlgorithm).toBe('ML_DSA_SHAKE_256');
    expect(CHOSEN_PROFILES['ecc-signing'].signingAlgorithm).toBe('ECDSA_SHA_256');
    expect(KEY_KIND_LABELS['ecc-signing']).toBe('ECC signing key');
    expect(KEY_KIND_LABELS['ml-dsa-signing']).toBe('ML-DSA signing key');
  });
});
