import { aliasArn, keyArn, parseKmsArn } from '../kms/arn';
import type { JsonObject } from '../protocol/json-codec';
import { KMS_KEY_RESOURCE, responseDate, type TrailResource } from './record';
import type { EventDescriber, RelatedEvent } from './request-trail';

/**
 * How CloudTrail records each KMS operation: which request members appear in requestParameters
 * (in lowerCamelCase, as CloudTrail writes them), what responseElements holds, and whether the
 * event is read-only. An allow-list, so plaintext, ciphertext, signatures, MACs, public keys and
 * grant tokens can never reach a record, whatever a request carries.
 */
const ENCRYPT_MEMBERS = ['KeyId', 'EncryptionContext', 'EncryptionAlgorithm', 'DryRun'];
const DATA_KEY_MEMBERS = ['KeyId', 'EncryptionContext', 'NumberOfBytes', 'KeySpec', 'DryRun'];
const DATA_KEY_PAIR_MEMBERS = ['KeyId', 'EncryptionContext', 'KeyPairSpec', 'DryRun'];
const SIGN_MEMBERS = ['KeyId', 'MessageType', 'SigningAlgorithm', 'DryRun'];
const MAC_MEMBERS = ['KeyId', 'MacAlgorithm', 'DryRun'];
const PAGE_MEMBERS = ['Limit', 'Marker'];

const REQUEST_MEMBERS: Record<string, readonly string[]> = {
  CreateKey: [
    'Policy',
    'Description',
    'KeyUsage',
    'CustomerMasterKeySpec',
    'KeySpec',
    'Origin',
    'BypassPolicyLockoutSafetyCheck',
    'Tags',
    'MultiRegion',
    'CustomKeyStoreId',
    'XksKeyId',
  ],
  DescribeKey: ['KeyId'],
  ListKeys: PAGE_MEMBERS,
  UpdateKeyDescription: ['KeyId', 'Description'],
  EnableKey: ['KeyId'],
  DisableKey: ['KeyId'],
  ScheduleKeyDeletion: ['KeyId', 'PendingWindowInDays'],
  CancelKeyDeletion: ['KeyId'],
  CreateAlias: ['AliasName', 'TargetKeyId'],
  UpdateAlias: ['AliasName', 'TargetKeyId'],
  DeleteAlias: ['AliasName'],
  ListAliases: ['KeyId', ...PAGE_MEMBERS],
  EnableKeyRotation: ['KeyId', 'RotationPeriodInDays'],
  DisableKeyRotation: ['KeyId'],
  GetKeyRotationStatus: ['KeyId'],
  RotateKeyOnDemand: ['KeyId'],
  ListKeyRotations: ['KeyId', 'IncludeKeyMaterial', ...PAGE_MEMBERS],
  GetKeyPolicy: ['KeyId', 'PolicyName'],
  PutKeyPolicy: ['KeyId', 'PolicyName', 'Policy', 'BypassPolicyLockoutSafetyCheck'],
  ListKeyPolicies: ['KeyId', ...PAGE_MEMBERS],
  CreateGrant: [
    'KeyId',
    'GranteePrincipal',
    'RetiringPrincipal',
    'Operations',
    'Constraints',
    'Name',
    'DryRun',
  ],
  ListGrants: ['KeyId', 'GrantId', 'GranteePrincipal', ...PAGE_MEMBERS],
  ListRetirableGrants: ['RetiringPrincipal', ...PAGE_MEMBERS],
  RetireGrant: ['KeyId', 'GrantId', 'DryRun'],
  RevokeGrant: ['KeyId', 'GrantId', 'DryRun'],
  TagResource: ['KeyId', 'Tags'],
  UntagResource: ['KeyId', 'TagKeys'],
  ListResourceTags: ['KeyId', ...PAGE_MEMBERS],
  Encrypt: ENCRYPT_MEMBERS,
  Decrypt: [...ENCRYPT_MEMBERS, 'DryRunModifiers'],
  ReEncrypt: [
    'SourceKeyId',
    'SourceEncryptionContext',
    'SourceEncryptionAlgorithm',
    'DestinationKeyId',
    'DestinationEncryptionContext',
    'DestinationEncryptionAlgorithm',
    'DryRun',
    'DryRunModifiers',
  ],
  GenerateDataKey: DATA_KEY_MEMBERS,
  GenerateDataKeyWithoutPlaintext: DATA_KEY_MEMBERS,
  GenerateDataKeyPair: DATA_KEY_PAIR_MEMBERS,
  GenerateDataKeyPairWithoutPlaintext: DATA_KEY_PAIR_MEMBERS,
  // CloudTrail's GenerateRandom example records no request parameters at all.
  GenerateRandom: [],
  GetPublicKey: ['KeyId'],
  Sign: SIGN_MEMBERS,
  Verify: SIGN_MEMBERS,
  GenerateMac: MAC_MEMBERS,
  VerifyMac: MAC_MEMBERS,
  DeriveSharedSecret: ['KeyId', 'KeyAgreementAlgorithm', 'DryRun'],
  GetParametersForImport: ['KeyId', 'WrappingAlgorithm', 'WrappingKeySpec'],
  // Never the import token or the wrapped key material.
  ImportKeyMaterial: [
    'KeyId',
    'ValidTo',
    'ExpirationModel',
    'ImportType',
    'KeyMaterialDescription',
    'KeyMaterialId',
  ],
  DeleteImportedKeyMaterial: ['KeyId', 'KeyMaterialId'],
  ReplicateKey: [
    'KeyId',
    'ReplicaRegion',
    'Policy',
    'BypassPolicyLockoutSafetyCheck',
    'Description',
    'Tags',
  ],
  UpdatePrimaryRegion: ['KeyId', 'PrimaryRegion'],
};

/** Members whose value is a map of caller data: their keys are kept as written. */
const MAP_MEMBERS = new Set([
  'EncryptionContext',
  'SourceEncryptionContext',
  'DestinationEncryptionContext',
  'EncryptionContextSubset',
  'EncryptionContextEquals',
]);

/**
 * "The log entry for a Decrypt operation always includes the encryptionAlgorithm", and KMS's
 * Encrypt and ReEncrypt examples show the algorithm the call used, named or not.
 */
const DEFAULTED_ALGORITHMS: Record<string, readonly string[]> = {
  Encrypt: ['EncryptionAlgorithm'],
  Decrypt: ['EncryptionAlgorithm'],
  ReEncrypt: ['SourceEncryptionAlgorithm', 'DestinationEncryptionAlgorithm'],
};

const READ_ONLY_PREFIXES = ['Describe', 'List', 'Get', 'Generate'];
const READ_ONLY = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'Sign',
  'Verify',
  'VerifyMac',
  'DeriveSharedSecret',
]);

/** CloudTrail's member names: `KeyId` → `keyId`, `AWSAccountId` → `aWSAccountId`. */
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** A request value as JSON, structure member names in camelCase; anything but JSON is dropped. */
function recorded(value: unknown, keepKeys: boolean): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'bigint' ? undefined : value;
  }
  if (value instanceof Uint8Array) return undefined;
  if (Array.isArray(value)) return value.map((item) => recorded(item, false));
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    const converted = recorded(member, MAP_MEMBERS.has(name));
    if (converted !== undefined) out[keepKeys ? name : camel(name)] = converted;
  }
  return out;
}

export function kmsReadOnly(operation: string): boolean {
  return READ_ONLY.has(operation) || READ_ONLY_PREFIXES.some((p) => operation.startsWith(p));
}

/** requestParameters of a KMS call, or null when it records none (as for GenerateRandom). */
export function kmsRequestParameters(
  operation: string,
  input: JsonObject,
): Record<string, unknown> | null {
  const members = REQUEST_MEMBERS[operation] ?? ['KeyId'];
  const out: Record<string, unknown> = {};
  for (const member of members) {
    const value = input[member];
    if (value === undefined) continue;
    const converted = recorded(value, MAP_MEMBERS.has(member));
    if (converted !== undefined) out[camel(member)] = converted;
  }
  for (const member of DEFAULTED_ALGORITHMS[operation] ?? []) {
    out[camel(member)] ??= 'SYMMETRIC_DEFAULT';
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** KeyMetadata as CreateKey's record has it: camelCase members, dates in KMS's Java format. */
function recordedMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (value === undefined) continue;
    out[camel(name)] = value instanceof Date ? responseDate(value) : recorded(value, false);
  }
  return out;
}

/**
 * responseElements of a successful KMS call: what CloudTrail keeps of the answer (the new key's
 * metadata, a grant id, a deletion date). Everything else, including every byte the caller
 * receives, is null.
 */
export function kmsResponseElements(
  operation: string,
  output: unknown,
  resources: readonly TrailResource[] = [],
): Record<string, unknown> | null {
  const answer = (output ?? {}) as Record<string, unknown>;
  switch (operation) {
    // "Include the key ARN of the affected KMS key in the responseElements.keyId value, even
    // though this operation does not return the key ARN."
    case 'UpdatePrimaryRegion':
      return resources[0] ? { keyId: resources[0].ARN } : null;
    case 'CreateKey':
      return answer.KeyMetadata
        ? { keyMetadata: recordedMetadata(answer.KeyMetadata as Record<string, unknown>) }
        : null;
    case 'ReplicateKey':
      return answer.ReplicaKeyMetadata
        ? {
            replicaKeyMetadata: recordedMetadata(
              answer.ReplicaKeyMetadata as Record<string, unknown>,
            ),
          }
        : null;
    case 'ScheduleKeyDeletion':
      return {
        keyId: answer.KeyId,
        keyState: answer.KeyState,
        ...(answer.DeletionDate instanceof Date
          ? { deletionDate: responseDate(answer.DeletionDate) }
          : {}),
        pendingWindowInDays: answer.PendingWindowInDays,
      };
    case 'CancelKeyDeletion':
    case 'RotateKeyOnDemand':
      return { keyId: answer.KeyId };
    case 'CreateGrant':
      // Never the grant token: it is a bearer credential for the grant.
      return { grantId: answer.GrantId };
    default:
      return null;
  }
}

/**
 * What KMS records in the other Region. "A ReplicateKey request results in a ReplicateKey
 * operation and a CreateKey operation": the CreateKey creates the replica in its own Region, with
 * the request's members that CreateKey has and the replica's metadata. UpdatePrimaryRegion
 * "writes two CloudTrail log entries", the second in the new primary's Region, naming that key by
 * its ARN and, as AWS's example shows, listing no resources.
 */
function kmsRelatedEvents(
  operation: string,
  input: JsonObject,
  output: unknown,
  resources: readonly TrailResource[],
): RelatedEvent[] {
  if (operation === 'ReplicateKey') {
    const metadata = (output as { ReplicaKeyMetadata?: { Arn?: string; AWSAccountId?: string } })
      ?.ReplicaKeyMetadata;
    const replica = metadata?.Arn ? parseKmsArn(metadata.Arn) : undefined;
    if (!metadata?.Arn || !replica) return [];
    return [
      {
        eventName: 'CreateKey',
        region: replica.region,
        requestParameters: kmsRequestParameters('CreateKey', input),
        responseElements: kmsResponseElements('CreateKey', { KeyMetadata: metadata }),
        resources: [{ accountId: replica.account, type: KMS_KEY_RESOURCE, ARN: metadata.Arn }],
      },
    ];
  }
  if (operation === 'UpdatePrimaryRegion') {
    const former = resources[0] ? parseKmsArn(resources[0].ARN) : undefined;
    const region = input.PrimaryRegion;
    if (!former || typeof region !== 'string') return [];
    const arn = keyArn(region, former.account, former.resource);
    return [
      {
        eventName: 'UpdatePrimaryRegion',
        region,
        requestParameters: { keyId: arn, primaryRegion: region },
        responseElements: { keyId: arn },
        resources: [],
      },
    ];
  }
  return [];
}

/** Alias operations name the alias among their resources, after the keys they touch. */
function kmsAliasName(operation: string, input: JsonObject): string | undefined {
  if (operation !== 'CreateAlias' && operation !== 'UpdateAlias' && operation !== 'DeleteAlias') {
    return undefined;
  }
  return typeof input.AliasName === 'string' ? input.AliasName : undefined;
}

/** KMS calls as CloudTrail records them. */
export const KMS_EVENTS: EventDescriber = {
  eventSource: 'kms.amazonaws.com',
  readOnly: kmsReadOnly,
  requestParameters: kmsRequestParameters,
  responseElements: kmsResponseElements,
  relatedEvents: kmsRelatedEvents,
  createdResources(operation, output) {
    const metadata = (output as { KeyMetadata?: { Arn?: string; AWSAccountId?: string } })
      ?.KeyMetadata;
    return operation === 'CreateKey' && metadata?.Arn && metadata.AWSAccountId
      ? [{ accountId: metadata.AWSAccountId, type: KMS_KEY_RESOURCE, ARN: metadata.Arn }]
      : [];
  },
  namedResources(operation, input, { account, region }) {
    const alias = kmsAliasName(operation, input);
    // CloudTrail's alias examples list the alias ARN with the key's resource type.
    return alias
      ? [{ accountId: account, type: KMS_KEY_RESOURCE, ARN: aliasArn(region, account, alias) }]
      : [];
  },
};
