import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GrantConstraints, GrantListEntry, GrantOperation } from '@aws-sdk/client-kms';
import {
  invalidArn,
  invalidGrantId,
  invalidGrantToken,
  invalidMarker,
  notFound,
} from '../protocol/errors';
import type { GrantRecord, KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { parseKmsArn } from './arn';
import { resolveKey } from './key-lookup';
import type { OperationContext } from './operation';

/** The GrantOperation enum of the KMS model, in the model's order (AWS lists it so in messages). */
export const GRANT_OPERATION_NAMES = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
] as const satisfies readonly GrantOperation[];

const PRINCIPAL_PATTERN = /^[\w+=,.@:/-]+$/;
export const GRANT_NAME_PATTERN = /^[a-zA-Z0-9:/_-]+$/;

/** KMS grant ids are 32 bytes written as 64 lowercase hex characters. */
export const GRANT_ID_PATTERN = /^[0-9a-f]{64}$/;

/** Operations every key type accepts in a grant; grant constraints never apply to them. */
const MANAGEMENT_OPERATIONS: readonly GrantOperation[] = [
  'CreateGrant',
  'DescribeKey',
  'RetireGrant',
];

/** The cryptographic operations of a symmetric encryption key: all of them take an encryption context. */
const SYMMETRIC_OPERATIONS: readonly GrantOperation[] = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
];

const isSymmetricEncryptionKey = (key: KeyRecord) =>
  key.keyUsage === 'ENCRYPT_DECRYPT' && key.keySpec === 'SYMMETRIC_DEFAULT';

/**
 * The grant operations a key supports, per the key type table of the KMS developer guide: a grant
 * may only allow what the key can do.
 */
export function grantOperationsFor(key: KeyRecord): readonly GrantOperation[] {
  switch (key.keyUsage) {
    case 'ENCRYPT_DECRYPT':
      return isSymmetricEncryptionKey(key)
        ? [...SYMMETRIC_OPERATIONS, ...MANAGEMENT_OPERATIONS]
        : [
            'Decrypt',
            'Encrypt',
            'ReEncryptFrom',
            'ReEncryptTo',
            'GetPublicKey',
            ...MANAGEMENT_OPERATIONS,
          ];
    case 'SIGN_VERIFY':
      return ['Sign', 'Verify', 'GetPublicKey', ...MANAGEMENT_OPERATIONS];
    case 'GENERATE_VERIFY_MAC':
      return ['GenerateMac', 'VerifyMac', ...MANAGEMENT_OPERATIONS];
    case 'KEY_AGREEMENT':
      return ['DeriveSharedSecret', 'GetPublicKey', ...MANAGEMENT_OPERATIONS];
    default:
      return MANAGEMENT_OPERATIONS;
  }
}

/** Whether the operation takes an EncryptionContext on this key, so grant constraints apply to it. */
export function takesEncryptionContext(key: KeyRecord, operation: GrantOperation): boolean {
  return isSymmetricEncryptionKey(key) && SYMMETRIC_OPERATIONS.includes(operation);
}

/** Whether an encryption context constraint may be attached to a grant for these operations. */
export function constraintsAllowedFor(key: KeyRecord, operations: readonly GrantOperation[]) {
  return operations.every(
    (op) => MANAGEMENT_OPERATIONS.includes(op) || takesEncryptionContext(key, op),
  );
}

// --- principals -------------------------------------------------------------------------

const ASSUMED_ROLE_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * The principal ARNs a caller answers to in a grant: its own ARN and, for a role session, the
 * role's IAM ARN, since grants usually name the role rather than one session of it.
 */
export function principalIdentities(arn: string): string[] {
  const m = ASSUMED_ROLE_ARN.exec(arn);
  return m ? [arn, `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`] : [arn];
}

export const principalMatches = (grantPrincipal: string | undefined, callerArn: string) =>
  grantPrincipal !== undefined && principalIdentities(callerArn).includes(grantPrincipal);

/** The key's grants whose grantee principal is the caller (or the role a session belongs to). */
export function grantsFor(store: Store, key: KeyRecord, granteeArn: string): GrantRecord[] {
  const identities = principalIdentities(granteeArn);
  return store.grants
    .listForKey(key)
    .filter((grant) => identities.includes(grant.granteePrincipal));
}

/**
 * RetireGrant's own rule: the retiring principal may retire the grant, and so may the grantee
 * when the grant includes RetireGrant. Everyone else needs kms:RetireGrant from a policy.
 */
export function grantRetirableBy(grant: GrantRecord, callerArn: string): boolean {
  return (
    principalMatches(grant.retiringPrincipal, callerArn) ||
    (grant.operations.includes('RetireGrant') &&
      principalMatches(grant.granteePrincipal, callerArn))
  );
}

// --- constraints --------------------------------------------------------------------------

export type GrantConstraintType = 'EncryptionContextSubset' | 'EncryptionContextEquals';

export function constraintType(constraints: GrantConstraints | undefined) {
  if (constraints?.EncryptionContextEquals) return 'EncryptionContextEquals';
  if (constraints?.EncryptionContextSubset) return 'EncryptionContextSubset';
  return undefined;
}

/**
 * Grant constraints match encryption context keys case-insensitively but values exactly (the
 * GrantConstraints API reference says so), unlike key policy conditions.
 */
export function constraintsSatisfied(
  constraints: GrantConstraints | undefined,
  encryptionContext: Record<string, string> = {},
): boolean {
  const required = constraints?.EncryptionContextEquals ?? constraints?.EncryptionContextSubset;
  if (!required) return true;
  const requestPairs = Object.entries(encryptionContext);
  const matches = ([key, value]: [string, string]) =>
    requestPairs.some(([k, v]) => k.toLowerCase() === key.toLowerCase() && v === value);
  const requiredPairs = Object.entries(required);
  if (!requiredPairs.every(matches)) return false;
  return constraints?.EncryptionContextEquals ? requestPairs.length === requiredPairs.length : true;
}

/**
 * Whether a grant lets its grantee perform `operation` on `key` with this encryption context.
 * Constraints bind only the operations that take an encryption context (not DescribeKey,
 * RetireGrant, CreateGrant).
 */
export function grantPermits(
  grant: GrantRecord,
  key: KeyRecord,
  operation: GrantOperation,
  encryptionContext?: Record<string, string>,
): boolean {
  if (grant.keyId !== key.keyId || !grant.operations.includes(operation)) return false;
  if (!takesEncryptionContext(key, operation)) return true;
  return constraintsSatisfied(grant.constraints, encryptionContext);
}

// --- grant tokens -------------------------------------------------------------------------

const TOKEN_SECRET_META = 'grant-token-secret';
const TOKEN_VERSION = 0x01;
const NONCE_BYTES = 32;
const MAC_BYTES = 32;
const TOKEN_BYTES = 1 + (2 + 64) + (2 + NONCE_BYTES) + (2 + MAC_BYTES);
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const grantNotFound = (grantId: string) => notFound(`Grant ID ${grantId} not found`);

function tokenSecret(store: Store): Buffer {
  const existing = store.meta.get(TOKEN_SECRET_META);
  if (existing) return existing;
  const secret = randomBytes(32);
  store.meta.set(TOKEN_SECRET_META, secret);
  return secret;
}

const tokenMac = (secret: Buffer, grantId: string, nonce: Buffer) =>
  createHmac('sha256', secret)
    .update(Buffer.from([TOKEN_VERSION]))
    .update(grantId)
    .update(nonce)
    .digest();

/**
 * A fresh grant token for a grant. Like AWS's, every CreateGrant answer carries a new token and all
 * tokens of one grant are interchangeable: the token names the grant id (in the same
 * protobuf-like framing AWS tokens use) and a MAC under a per-sandbox secret makes it unforgeable,
 * so no token list needs storing.
 */
export function issueGrantToken(store: Store, grantId: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const mac = tokenMac(tokenSecret(store), grantId, nonce);
  return Buffer.concat([
    Buffer.from([TOKEN_VERSION, 0x0a, 64]),
    Buffer.from(grantId, 'latin1'),
    Buffer.from([0x12, NONCE_BYTES]),
    nonce,
    Buffer.from([0x1a, MAC_BYTES]),
    mac,
  ]).toString('base64url');
}

/** The grant id a token names; InvalidGrantTokenException when it is not a token we issued. */
export function parseGrantToken(store: Store, token: string): string {
  if (!BASE64URL.test(token)) throw invalidGrantToken();
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) {
    throw invalidGrantToken();
  }
  let at = 0;
  const expect = (...header: number[]) => {
    for (const b of header) if (bytes[at++] !== b) throw invalidGrantToken();
  };
  expect(TOKEN_VERSION, 0x0a, 64);
  const grantId = bytes.subarray(at, (at += 64)).toString('latin1');
  expect(0x12, NONCE_BYTES);
  const nonce = bytes.subarray(at, (at += NONCE_BYTES));
  expect(0x1a, MAC_BYTES);
  const mac = bytes.subarray(at, (at += MAC_BYTES));
  if (!GRANT_ID_PATTERN.test(grantId)) throw invalidGrantToken();
  const secret = store.meta.get(TOKEN_SECRET_META);
  if (!secret || !timingSafeEqual(mac, tokenMac(secret, grantId, nonce))) throw invalidGrantToken();
  return grantId;
}

/**
 * The grant a token names, or undefined when that grant was retired or revoked: a token never
 * outlives its grant. Throws InvalidGrantTokenException for strings that are not grant tokens.
 */
export function grantFromToken(store: Store, token: string): GrantRecord | undefined {
  return store.grants.get(parseGrantToken(store, token));
}

/** The live grants named by a request's GrantTokens; any malformed token fails the request. */
export function grantsFromTokens(store: Store, tokens: readonly string[] = []): GrantRecord[] {
  const grants = new Map<string, GrantRecord>();
  for (const token of tokens) {
    const grant = grantFromToken(store, token);
    if (grant) grants.set(grant.grantId, grant);
  }
  return [...grants.values()];
}

// --- shared handler pieces ----------------------------------------------------------------

/** Grant operations name keys by id or key ARN only; KMS refuses aliases for them. */
export function resolveGrantKey(ctx: OperationContext, keyIdInput: string): KeyRecord {
  if (keyIdInput.startsWith('alias/') || parseKmsArn(keyIdInput)?.resourceType === 'alias') {
    throw invalidArn('Key Aliases are not supported for this operation.');
  }
  return resolveKey(ctx, keyIdInput).key;
}

export function requireGrantIdFormat(grantId: string): void {
  if (!GRANT_ID_PATTERN.test(grantId)) throw invalidGrantId(grantId);
}

/** One grant as ListGrants and ListRetirableGrants show it; AWS shows an unnamed grant's Name as "". */
export function grantListEntry(grant: GrantRecord, keyArn: string): GrantListEntry {
  return {
    KeyId: keyArn,
    GrantId: grant.grantId,
    Name: grant.name ?? '',
    CreationDate: grant.creationDate,
    GranteePrincipal: grant.granteePrincipal,
    RetiringPrincipal: grant.retiringPrincipal,
    IssuingAccount: grant.issuingAccount,
    Operations: grant.operations,
    Constraints: grant.constraints,
  };
}

/** Markers are opaque to callers; ours carry the id of the last grant returned. */
const encodeMarker = (grantId: string) => Buffer.from(grantId, 'latin1').toString('base64url');
const decodeMarker = (marker: string) => Buffer.from(marker, 'base64url').toString('latin1');

/** KMS returns at most 100 grants per page whatever Limit says ("it might return fewer"). */
const MAX_PAGE = 100;
export const DEFAULT_GRANT_PAGE = 50;

export function paginateGrants(
  grants: GrantRecord[],
  limit: number,
  marker: string | undefined,
): { page: GrantRecord[]; truncated: boolean; nextMarker?: string } {
  let start = 0;
  if (marker !== undefined) {
    const after = decodeMarker(marker);
    const index = grants.findIndex((g) => g.grantId === after);
    if (index < 0) throw invalidMarker();
    start = index + 1;
  }
  const size = Math.min(limit, MAX_PAGE);
  const page = grants.slice(start, start + size);
  const truncated = start + size < grants.length;
  return {
    page,
    truncated,
    nextMarker: truncated ? encodeMarker(page[page.length - 1].grantId) : undefined,
  };
}

/** The Marker member shared by the list operations. */
export const MARKER_RULE = { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ } as const;
export const LIMIT_RULE = { min: 1, max: 1000 } as const;

/**
 * A string member with a pattern containing `/`: checked here so the message prints the pattern
 * exactly as the model (and AWS) writes it.
 */
/** PrincipalIdType of the KMS model (GranteePrincipal, RetiringPrincipal). */
export const PRINCIPAL_RULE = { min: 1, max: 256, pattern: PRINCIPAL_PATTERN } as const;
