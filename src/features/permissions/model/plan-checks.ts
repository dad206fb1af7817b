import { fromBase64 } from '@smithy/util-base64';
import type { GrantOperation } from '@aws-sdk/client-kms';
import type { DryRunOperation, DryRunPlaceholder, DryRunRequest } from '../../../kms/dry-run';
import type { ConditionKeys } from '../../../policy';
import type { KeyProfile } from './key-profile';

/*
 * Which dry runs answer "may I use this key?", and with which input. Every input is what a real
 * request would carry, with placeholders where the real value does not matter to the checks that
 * run before DryRun's answer: one zero byte of plaintext, no ciphertext (IGNORE_CIPHERTEXT), a
 * placeholder signature or MAC. Nothing here is secret, and nothing is ever sent without DryRun.
 */

export interface PlannedCheck {
  request: DryRunRequest;
  /** The IAM actions KMS authorizes for it (ReEncrypt: ReEncryptFrom and ReEncryptTo). */
  actions: readonly string[];
  /** Request-specific condition keys KMS sets for it (for explaining denials). */
  conditionKeys: ConditionKeys;
  placeholder?: DryRunPlaceholder;
  /** How the check differs from a real request, when it does. */
  note?: string;
}

/** Operations the page lists but never sends, not even as a check: KMS gives them no DryRun. */
export type UncheckedOperation =
  | 'GetParametersForImport'
  | 'ImportKeyMaterial'
  | 'DeleteImportedKeyMaterial'
  | 'ReplicateKey'
  | 'UpdatePrimaryRegion';

export interface SkippedCheck {
  operation: DryRunOperation | UncheckedOperation;
  reason: string;
}

export interface CheckPlan {
  checks: PlannedCheck[];
  skipped: SkippedCheck[];
}

export interface PlanInput {
  /** The key as the user typed it (alias names and ARNs keep kms:RequestAlias meaningful). */
  keyRef: string;
  profile: KeyProfile;
  /** The encryption context to check with; empty means none. */
  context: Readonly<Record<string, string>>;
  /** The caller's own ARN (its role for a role session): the harmless grantee of CreateGrant. */
  grantee?: string;
  /** The key's ARN when known (DescribeKey): CreateGrant takes no alias. */
  keyArn?: string;
}

const PLACEHOLDER_PLAINTEXT = new Uint8Array(1);
const PLACEHOLDER_MESSAGE = new Uint8Array(1);
// Long enough for every KMS signature and MAC length rule; its content never verifies.
const PLACEHOLDER_SIGNATURE = new Uint8Array(64);
const PLACEHOLDER_MAC = new Uint8Array(32);

/** For keys with imported key material (Origin EXTERNAL). */
const IMPORT_SKIPS: SkippedCheck[] = [
  {
    operation: 'GetParametersForImport',
    reason:
      'Takes no DryRun: a check would be a real request, which makes a new wrapping key pair and import token.',
  },
  {
    operation: 'ImportKeyMaterial',
    reason:
      'Takes no DryRun: a check would be a real import, which needs your key material, wrapped, and an import token.',
  },
  {
    operation: 'DeleteImportedKeyMaterial',
    reason:
      'Takes no DryRun: a check would really delete the key material and make the key unusable.',
  },
];

const GRANT_SKIPS: SkippedCheck[] = [
  {
    operation: 'RetireGrant',
    reason:
      'Needs the ID or token of an existing grant: check it from the key’s grants, where the grant is known.',
  },
  {
    operation: 'RevokeGrant',
    reason:
      'Needs the ID of an existing grant: check it from the key’s grants, where the grant is known.',
  },
];

export function planChecks(input: PlanInput): CheckPlan {
  const { keyRef, profile } = input;
  const checks: PlannedCheck[] = [];
  const skipped: SkippedCheck[] = [];
  const context = Object.keys(input.context).length > 0 ? { ...input.context } : undefined;

  if (profile.kind === 'symmetric') {
    checks.push(...symmetricChecks(keyRef, context));
  } else if (profile.kind === 'rsa-encryption') {
    checks.push(...rsaChecks(keyRef, profile.encryptionAlgorithm ?? 'RSAES_OAEP_SHA_256', context));
  } else if (
    profile.kind === 'ecc-signing' ||
    profile.kind === 'rsa-signing' ||
    profile.kind === 'ml-dsa-signing'
  ) {
    checks.push(...signingChecks(keyRef, profile, context));
  } else if (profile.kind === 'hmac') {
    checks.push(...macChecks(keyRef, profile.macAlgorithm ?? 'HMAC_SHA_256', context));
  } else if (profile.kind === 'key-agreement') {
    const check = keyAgreementCheck(keyRef, profile, context);
    if ('reason' in check) skipped.push(check);
    else checks.push(check);
  }

  const grantKey = isAlias(keyRef) ? input.keyArn : keyRef;
  if (input.grantee !== undefined && grantKey !== undefined) {
    checks.push(grantCheck(grantKey, profile, input.grantee));
  } else if (grantKey === undefined) {
    skipped.push({
      operation: 'CreateGrant',
      reason:
        'CreateGrant takes a key ID or key ARN, not an alias, and the alias could not be resolved (DescribeKey is not allowed): enter the key ARN to check it.',
    });
  } else {
    skipped.push({
      operation: 'CreateGrant',
      reason: 'The caller’s ARN is unknown (STS did not answer), so there is no grantee to name.',
    });
  }
  skipped.push(...GRANT_SKIPS);
  if (profile.origin === 'EXTERNAL') skipped.push(...IMPORT_SKIPS);
  skipped.push(...multiRegionSkips(profile));
  return { checks, skipped };
}

/**
 * ReplicateKey and UpdatePrimaryRegion have no DryRun in the KMS API, so no check can ask KMS
 * without creating a replica or moving the primary: the page names what they need instead.
 */
function multiRegionSkips(profile: KeyProfile): SkippedCheck[] {
  const multiRegion = profile.multiRegion;
  if (!multiRegion) return [];
  const moveNote = 'Takes no DryRun: a check would really move the primary key to another Region.';
  if (multiRegion.type === 'REPLICA') {
    return [
      {
        operation: 'UpdatePrimaryRegion',
        reason: `${moveNote} Sent to the primary key${multiRegion.primaryRegion ? ` in ${multiRegion.primaryRegion}` : ''}; it needs kms:UpdatePrimaryRegion on the primary key and on this replica, each in its own Region.`,
      },
    ];
  }
  return [
    {
      operation: 'ReplicateKey',
      reason: `Takes no DryRun: a check would really create a replica key. It needs kms:ReplicateKey on this key and kms:CreateKey (kms:TagResource for tags) in the replica Region.`,
    },
    {
      operation: 'UpdatePrimaryRegion',
      reason: `${moveNote} It needs kms:UpdatePrimaryRegion on this key and on the replica that becomes primary, each in its own Region.`,
    },
  ];
}

function isAlias(keyRef: string): boolean {
  return keyRef.startsWith('alias/') || /^arn:[^:]+:kms:[^:]*:\d{12}:alias\//.test(keyRef);
}

function contextNote(
  context: Record<string, string> | undefined,
  what: string,
): string | undefined {
  return context ? `${what} take no encryption context: checked without it.` : undefined;
}

function symmetricChecks(keyId: string, context: Record<string, string> | undefined) {
  const algorithmKey = { 'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT' };
  const checks: PlannedCheck[] = [
    {
      request: {
        operation: 'Encrypt',
        input: { KeyId: keyId, Plaintext: PLACEHOLDER_PLAINTEXT, EncryptionContext: context },
      },
      actions: ['kms:Encrypt'],
      conditionKeys: algorithmKey,
      note: 'One zero byte of placeholder plaintext.',
    },
    {
      request: { operation: 'Decrypt', input: { KeyId: keyId, EncryptionContext: context } },
      actions: ['kms:Decrypt'],
      conditionKeys: algorithmKey,
      note: 'No ciphertext: DryRunModifiers IGNORE_CIPHERTEXT.',
    },
    {
      request: {
        operation: 'ReEncrypt',
        input: {
          SourceKeyId: keyId,
          DestinationKeyId: keyId,
          SourceEncryptionContext: context,
          DestinationEncryptionContext: context,
        },
      },
      actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
      conditionKeys: { ...algorithmKey, 'kms:ReEncryptOnSameKey': true },
      note: 'From this key to itself, same context; no ciphertext (IGNORE_CIPHERTEXT).',
    },
  ];
  for (const operation of ['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext'] as const) {
    checks.push({
      request: {
        operation,
        input: { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context },
      },
      actions: [`kms:${operation}`],
      conditionKeys: algorithmKey,
      note: 'KeySpec AES_256.',
    });
  }
  for (const operation of ['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext'] as const) {
    checks.push({
      request: {
        operation,
        input: { KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: context },
      },
      actions: [`kms:${operation}`],
      conditionKeys: { ...algorithmKey, 'kms:DataKeyPairSpec': 'ECC_NIST_P256' },
      note: 'KeyPairSpec ECC_NIST_P256.',
    });
  }
  return checks;
}

function rsaChecks(
  keyId: string,
  algorithm: string,
  context: Record<string, string> | undefined,
): PlannedCheck[] {
  const EncryptionAlgorithm = algorithm as 'RSAES_OAEP_SHA_256';
  const note = contextNote(context, 'RSA keys');
  const algorithmKey = { 'kms:EncryptionAlgorithm': algorithm };
  return [
    {
      request: {
        operation: 'Encrypt',
        input: { KeyId: keyId, Plaintext: PLACEHOLDER_PLAINTEXT, EncryptionAlgorithm },
      },
      actions: ['kms:Encrypt'],
      conditionKeys: algorithmKey,
      note: note ?? `${algorithm}, one zero byte of placeholder plaintext.`,
    },
    {
      request: { operation: 'Decrypt', input: { KeyId: keyId, EncryptionAlgorithm } },
      actions: ['kms:Decrypt'],
      conditionKeys: algorithmKey,
      note: note ?? `${algorithm}; no ciphertext (IGNORE_CIPHERTEXT).`,
    },
    {
      request: {
        operation: 'ReEncrypt',
        input: {
          SourceKeyId: keyId,
          DestinationKeyId: keyId,
          SourceEncryptionAlgorithm: EncryptionAlgorithm,
          DestinationEncryptionAlgorithm: EncryptionAlgorithm,
        },
      },
      actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
      conditionKeys: { ...algorithmKey, 'kms:ReEncryptOnSameKey': true },
      note: note ?? 'From this key to itself; no ciphertext (IGNORE_CIPHERTEXT).',
    },
  ];
}

function signingChecks(
  keyId: string,
  profile: KeyProfile,
  context: Record<string, string> | undefined,
): PlannedCheck[] {
  const algorithm = profile.signingAlgorithm ?? 'ECDSA_SHA_256';
  const SigningAlgorithm = algorithm as 'ECDSA_SHA_256';
  const conditionKeys = { 'kms:SigningAlgorithm': algorithm, 'kms:MessageType': 'RAW' };
  const note = contextNote(context, 'Signing operations');
  return [
    {
      request: {
        operation: 'Sign',
        input: { KeyId: keyId, Message: PLACEHOLDER_MESSAGE, MessageType: 'RAW', SigningAlgorithm },
      },
      actions: ['kms:Sign'],
      conditionKeys,
      note: note ?? `${algorithm}, a one-byte placeholder message.`,
    },
    {
      request: {
        operation: 'Verify',
        input: {
          KeyId: keyId,
          Message: PLACEHOLDER_MESSAGE,
          MessageType: 'RAW',
          SigningAlgorithm,
          Signature: PLACEHOLDER_SIGNATURE,
        },
      },
      actions: ['kms:Verify'],
      conditionKeys,
      placeholder: 'Signature',
      note: note ?? `${algorithm}, with a placeholder signature.`,
    },
  ];
}

/**
 * Each NIST curve's generator point G as a SubjectPublicKeyInfo (base64 DER): a valid public key
 * on the curve that belongs to no one, so DeriveSharedSecret's checks all run on it.
 */
const GENERATOR_PUBLIC_KEYS: Readonly<Record<string, string>> = {
  ECC_NIST_P256:
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaxfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9Q==',
  ECC_NIST_P384:
    'MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEqofKIr6LBTeOscce8yCtdG4dO2KLp5uYWfdB4IJUKjhVAvJdv1UpbDpUXjhydgq3NhfeSpYmLG9dnpi/kpLcKfj0Hb0omhR86doxE7XwuMAKYLHOHX6BnXpDHXyQ6g5f',
  ECC_NIST_P521:
    'MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQAxoWOBrcEBOnNnj7LZiOVtEKcZIE5BT+1Ifgor2BrTT26oUted+/nWSj+HcEnov+o3jNIs8GFakKb+X5+McLlvWYBGDkpaniaO8AEXIpftCx9G9mY9URJV5tEaBevvRcnPmYsl+5ymV70JkDFULkBP60HYTU8cIaicsJAiL6Udp/RZlA=',
};

function keyAgreementCheck(
  keyId: string,
  profile: KeyProfile,
  context: Record<string, string> | undefined,
): PlannedCheck | SkippedCheck {
  const publicKey = profile.keySpec ? GENERATOR_PUBLIC_KEYS[profile.keySpec] : undefined;
  if (publicKey === undefined) {
    return {
      operation: 'DeriveSharedSecret',
      reason: `Needs a public key on the key’s curve, and ${profile.keySpec ?? 'its key spec'} is not one the console has a placeholder for.`,
    };
  }
  const algorithm = profile.keyAgreementAlgorithm ?? 'ECDH';
  return {
    request: {
      operation: 'DeriveSharedSecret',
      input: {
        KeyId: keyId,
        KeyAgreementAlgorithm: algorithm as 'ECDH',
        PublicKey: fromBase64(publicKey),
      },
    },
    actions: ['kms:DeriveSharedSecret'],
    conditionKeys: { 'kms:KeyAgreementAlgorithm': algorithm },
    note:
      contextNote(context, 'Key agreement operations') ??
      `${algorithm} with the curve’s generator point as a placeholder public key.`,
  };
}

function macChecks(
  keyId: string,
  algorithm: string,
  context: Record<string, string> | undefined,
): PlannedCheck[] {
  const MacAlgorithm = algorithm as 'HMAC_SHA_256';
  const conditionKeys = { 'kms:MacAlgorithm': algorithm };
  const note = contextNote(context, 'MAC operations');
  return [
    {
      request: {
        operation: 'GenerateMac',
        input: { KeyId: keyId, Message: PLACEHOLDER_MESSAGE, MacAlgorithm },
      },
      actions: ['kms:GenerateMac'],
      conditionKeys,
      note: note ?? `${algorithm}, a one-byte placeholder message.`,
    },
    {
      request: {
        operation: 'VerifyMac',
        input: { KeyId: keyId, Message: PLACEHOLDER_MESSAGE, MacAlgorithm, Mac: PLACEHOLDER_MAC },
      },
      actions: ['kms:VerifyMac'],
      conditionKeys,
      placeholder: 'Mac',
      note: note ?? `${algorithm}, with a placeholder MAC.`,
    },
  ];
}

/** A grant operation every key of this kind supports, so only permissions decide. */
function grantOperationFor(profile: KeyProfile): GrantOperation {
  switch (profile.kind) {
    case 'symmetric':
    case 'rsa-encryption':
      return 'Decrypt';
    case 'ecc-signing':
    case 'rsa-signing':
    case 'ml-dsa-signing':
      return 'Verify';
    case 'hmac':
      return 'VerifyMac';
    case 'key-agreement':
      return 'DeriveSharedSecret';
    case 'other':
      return 'DescribeKey';
  }
}

function grantCheck(keyId: string, profile: KeyProfile, grantee: string): PlannedCheck {
  const operation = grantOperationFor(profile);
  return {
    request: {
      operation: 'CreateGrant',
      input: { KeyId: keyId, GranteePrincipal: grantee, Operations: [operation] },
    },
    actions: ['kms:CreateGrant'],
    conditionKeys: {
      'kms:GrantOperations': [operation],
      'kms:GranteePrincipal': grantee,
      'kms:GrantIsForAWSResource': false,
    },
    note: `A grant to yourself for ${operation}; conditions on kms:GranteePrincipal or kms:GrantOperations may decide otherwise for other grants.`,
  };
}
