import type { GrantOperation } from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedScenario } from '../scenario/seed';
import { openDatabase } from '../store/database';
import type { GrantRecord, KeyRecord } from '../store/records';
import { Store } from '../store/store';
import {
  constraintsSatisfied,
  grantFromToken,
  grantPermits,
  grantRetirableBy,
  grantsFor,
  grantsFromTokens,
  issueGrantToken,
  principalIdentities,
} from './grants';
import { APP_KEY_ID, SIGN_KEY_ID } from '../scenario/demo-scenario';

const OPERATOR_ROLE = 'arn:aws:iam::111122223333:role/KmsOperator';
const OPERATOR_SESSION =
  'arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials';
const ADMIN = 'arn:aws:iam::111122223333:user/admin';

describe('grant helpers', () => {
  let store: Store;
  let appKey: KeyRecord;
  let signKey: KeyRecord;
  let n = 0;

  const addGrant = (grant: Partial<GrantRecord> = {}): GrantRecord => {
    const grantId = (n++).toString(16).padStart(64, '0');
    const record: GrantRecord = {
      grantId,
      region: 'us-east-1',
      keyId: APP_KEY_ID,
      granteePrincipal: OPERATOR_ROLE,
      issuingAccount: 'arn:aws:iam::111122223333:root',
      operations: ['Decrypt'],
      creationDate: new Date(),
      grantToken: '',
      ...grant,
    };
    store.grants.insert({ ...record, grantToken: issueGrantToken(store, record.grantId) });
    return record;
  };

  beforeEach(() => {
    store = new Store(openDatabase({ memory: true }));
    seedScenario(store, new Date());
    appKey = store.keys.get({ region: 'us-east-1', keyId: APP_KEY_ID })!;
    signKey = store.keys.get({ region: 'us-east-1', keyId: SIGN_KEY_ID })!;
  });

  it('derives the role ARN of an assumed-role session', () => {
    expect(principalIdentities(OPERATOR_SESSION)).toEqual([OPERATOR_SESSION, OPERATOR_ROLE]);
    expect(principalIdentities(ADMIN)).toEqual([ADMIN]);
  });

  it('finds the grants of a grantee on one key, by principal or by role of a session', () => {
    const forRole = addGrant();
    const forSession = addGrant({ granteePrincipal: OPERATOR_SESSION });
    addGrant({ granteePrincipal: ADMIN });
    addGrant({ keyId: SIGN_KEY_ID, operations: ['Sign'] });
    expect(grantsFor(store, appKey, OPERATOR_SESSION).map((g) => g.grantId)).toEqual([
      forRole.grantId,
      forSession.grantId,
    ]);
    expect(grantsFor(store, appKey, OPERATOR_ROLE).map((g) => g.grantId)).toEqual([
      forRole.grantId,
    ]);
    expect(grantsFor(store, signKey, ADMIN)).toEqual([]);
  });

  it('resolves tokens to live grants only, and refuses strings it did not issue', () => {
    const grant = addGrant();
    const token = issueGrantToken(store, grant.grantId);
    expect(grantFromToken(store, token)?.grantId).toBe(grant.grantId);
    expect(grantsFromTokens(store, [token, token]).map((g) => g.grantId)).toEqual([grant.grantId]);

    store.grants.delete(grant.grantId);
    expect(grantFromToken(store, token)).toBeUndefined();

    const forged = Buffer.from(token, 'base64url');
    forged[forged.length - 1] ^= 1;
    for (const bad of ['', 'abc', forged.toString('base64url'), `${token}A`]) {
      expect(() => grantFromToken(store, bad)).toThrow(
        expect.objectContaining({ type: 'InvalidGrantTokenException' }),
      );
    }
  });

  it('applies constraints to operations that take an encryption context only', () => {
    const grant = addGrant({
      operations: ['Decrypt', 'DescribeKey'],
      constraints: { EncryptionContextSubset: { Department: 'IT' } },
    });
    const permits = (op: GrantOperation, ec?: Record<string, string>) =>
      grantPermits(grant, appKey, op, ec);
    expect(permits('Decrypt', { department: 'IT', purpose: 'test' })).toBe(true);
    expect(permits('Decrypt', { Department: 'it' })).toBe(false);
    expect(permits('Decrypt')).toBe(false);
    expect(permits('DescribeKey')).toBe(true);
    expect(permits('Encrypt', { Department: 'IT' })).toBe(false);
    expect(grantPermits(grant, signKey, 'Decrypt', { Department: 'IT' })).toBe(false);
  });

  it('matches EncryptionContextEquals exactly, up to key case', () => {
    const equals = { EncryptionContextEquals: { a: '1', b: '2' } };
    expect(constraintsSatisfied(equals, { B: '2', a: '1' })).toBe(true);
    expect(constraintsSatisfied(equals, { a: '1', b: '2', c: '3' })).toBe(false);
    expect(constraintsSatisfied(equals, { a: '1' })).toBe(false);
    expect(constraintsSatisfied(undefined, {})).toBe(true);
  });

  it('lets the retiring principal retire, and the grantee only with RetireGrant', () => {
    const plain = addGrant({ retiringPrincipal: ADMIN });
    expect(grantRetirableBy(plain, ADMIN)).toBe(true);
    expect(grantRetirableBy(plain, OPERATOR_SESSION)).toBe(false);
    const selfRetiring = addGrant({ operations: ['Decrypt', 'RetireGrant'] });
    expect(grantRetirableBy(selfRetiring, OPERATOR_SESSION)).toBe(true);
    expect(grantRetirableBy(selfRetiring, ADMIN)).toBe(false);
  });
});
