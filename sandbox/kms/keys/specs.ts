import type {
  DataKeyPairSpec as SdkDataKeyPairSpec,
  EncryptionAlgorithmSpec,
  KeyAgreementAlgorithmSpec,
  KeySpec as SdkKeySpec,
  KeyUsageType,
  MacAlgorithmSpec,
  MessageType as SdkMessageType,
  SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';

/*
 * The key specs, as the AWS KMS developer guide ("Key spec reference") and the CreateKey API
 * reference describe them. Every list below is checked with `satisfies` against the SDK's own
 * enums, so a typo can't invent a value AWS doesn't have.
 */

/** Key families in the order KMS's GenerateDataKey message groups the key specs. */
const KEY_FAMILIES = ['RSA', 'ECC', 'SYMMETRIC', 'HMAC', 'SM2', 'ML_DSA'] as const;
export type KeyFamily = (typeof KEY_FAMILIES)[number];

interface AwsKeySpec {
  readonly keySpec: SdkKeySpec;
  readonly family: KeyFamily;
  /** Also a CustomerMasterKeySpec, CreateKey's deprecated twin of KeySpec. */
  readonly cmk?: true;
  /** Also a DataKeyPairSpec: GenerateDataKeyPair makes key pairs of this spec. */
  readonly pair?: true;
  /** The sandbox makes keys of this spec; KEY_SPEC_INFO says how. */
  readonly sandbox?: true;
}

/**
 * Every KeySpec of the KMS model, in the model's order: the order AWS added them, which is also
 * the order CreateKey's validation messages list them in. The one list of key specs: the
 * sandbox's own specs and every enum a validation message quotes are derived from it.
 */
const AWS_KEY_SPECS = [
  { keySpec: 'RSA_2048', family: 'RSA', cmk: true, pair: true, sandbox: true },
  { keySpec: 'RSA_3072', family: 'RSA', cmk: true, pair: true, sandbox: true },
  { keySpec: 'RSA_4096', family: 'RSA', cmk: true, pair: true, sandbox: true },
  { keySpec: 'ECC_NIST_P256', family: 'ECC', cmk: true, pair: true, sandbox: true },
  { keySpec: 'ECC_NIST_P384', family: 'ECC', cmk: true, pair: true, sandbox: true },
  { keySpec: 'ECC_NIST_P521', family: 'ECC', cmk: true, pair: true, sandbox: true },
  { keySpec: 'ECC_SECG_P256K1', family: 'ECC', cmk: true, pair: true, sandbox: true },
  { keySpec: 'SYMMETRIC_DEFAULT', family: 'SYMMETRIC', cmk: true, sandbox: true },
  { keySpec: 'HMAC_224', family: 'HMAC', cmk: true, sandbox: true },
  { keySpec: 'HMAC_256', family: 'HMAC', cmk: true, sandbox: true },
  { keySpec: 'HMAC_384', family: 'HMAC', cmk: true, sandbox: true },
  { keySpec: 'HMAC_512', family: 'HMAC', cmk: true, sandbox: true },
  { keySpec: 'SM2', family: 'SM2', cmk: true, pair: true },
  { keySpec: 'ML_DSA_44', family: 'ML_DSA', sandbox: true },
  { keySpec: 'ML_DSA_65', family: 'ML_DSA', sandbox: true },
  { keySpec: 'ML_DSA_87', family: 'ML_DSA', sandbox: true },
  { keySpec: 'ECC_NIST_EDWARDS25519', family: 'ECC', pair: true },
] as const satisfies readonly AwsKeySpec[];

type AwsKeySpecEntry = (typeof AWS_KEY_SPECS)[number];

/** The key specs the sandbox makes keys of. */
export type KeySpec = Extract<AwsKeySpecEntry, { sandbox: true }>['keySpec'];
/**
 * The asymmetric specs the sandbox supports: KMS key specs with a key pair, and
 * GenerateDataKeyPair's KeyPairSpec.
 */
export type KeyPairSpec = Extract<AwsKeySpecEntry, { sandbox: true; pair: true }>['keySpec'];

/** KeySpec, in the model's order (CreateKey's message). */
export const MODEL_KEY_SPECS = AWS_KEY_SPECS.map((entry) => entry.keySpec);
/** CustomerMasterKeySpec, in the model's order: it never got the specs added after SM2. */
export const MODEL_CUSTOMER_MASTER_KEY_SPECS = AWS_KEY_SPECS.filter((entry) => 'cmk' in entry).map(
  (entry) => entry.keySpec,
);
/** DataKeyPairSpec, in the model's order (GenerateDataKeyPair's message). */
export const MODEL_DATA_KEY_PAIR_SPECS = AWS_KEY_SPECS.filter((entry) => 'pair' in entry).map(
  (entry) => entry.keySpec,
) satisfies readonly SdkDataKeyPairSpec[];

const familyRank = (keySpec: SdkKeySpec) =>
  KEY_FAMILIES.indexOf(AWS_KEY_SPECS.find((entry) => entry.keySpec === keySpec)!.family);
/**
 * KeySpec grouped by family, as GenerateDataKey's message lists it (that operation validates its
 * own KeySpec against this enum, yet accepts only AES_128 and AES_256).
 */
export const KEY_SPECS_BY_FAMILY = [...MODEL_KEY_SPECS].sort(
  (a, b) => familyRank(a) - familyRank(b),
);

export const KEY_SPECS: readonly KeySpec[] = AWS_KEY_SPECS.filter(
  (entry) => 'sandbox' in entry,
).map((entry) => entry.keySpec);
export const KEY_PAIR_SPECS: readonly KeyPairSpec[] = AWS_KEY_SPECS.filter(
  (entry) => 'sandbox' in entry && 'pair' in entry,
).map((entry) => entry.keySpec);

export type RsaKeySpec = Extract<KeySpec, `RSA_${string}`>;
export type EccKeySpec = Extract<KeySpec, `ECC_${string}`>;
export type HmacKeySpec = Extract<KeySpec, `HMAC_${string}`>;
export type MlDsaKeySpec = Extract<KeySpec, `ML_DSA_${string}`>;

/** KeyUsageType, in the model's order (CreateKey's message). */
export const KEY_USAGES = [
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const satisfies readonly KeyUsageType[];
export type KeyUsage = (typeof KEY_USAGES)[number];

const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
] as const satisfies readonly EncryptionAlgorithmSpec[];
export type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];
export type RsaEncryptionAlgorithm = Exclude<EncryptionAlgorithm, 'SYMMETRIC_DEFAULT'>;

const SIGNING_ALGORITHMS = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'ML_DSA_SHAKE_256',
] as const satisfies readonly SigningAlgorithmSpec[];
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];
/** The algorithms that hash the message with SHA-2 and so also take a DIGEST. */
export type HashedSigningAlgorithm = Exclude<SigningAlgorithm, 'ML_DSA_SHAKE_256'>;

const MAC_ALGORITHMS = [
  'HMAC_SHA_224',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const satisfies readonly MacAlgorithmSpec[];
export type MacAlgorithm = (typeof MAC_ALGORITHMS)[number];

const KEY_AGREEMENT_ALGORITHMS = ['ECDH'] as const satisfies readonly KeyAgreementAlgorithmSpec[];
export type KeyAgreementAlgorithm = (typeof KEY_AGREEMENT_ALGORITHMS)[number];

const MESSAGE_TYPES = ['RAW', 'DIGEST', 'EXTERNAL_MU'] as const satisfies readonly SdkMessageType[];
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Hash names as node:crypto spells them. */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
/** The hashes KMS signing algorithms use. */
export type SignatureHashName = Extract<HashName, 'sha256' | 'sha384' | 'sha512'>;

/** Curve names as node:crypto (OpenSSL) spells them. */
export type CurveName = 'prime256v1' | 'secp384r1' | 'secp521r1' | 'secp256k1';

/** ML-DSA parameter sets as node:crypto spells them. */
export type MlDsaKeyType = 'ml-dsa-44' | 'ml-dsa-65' | 'ml-dsa-87';

/** The algorithm lists of a KeyMetadata, named and ordered as DescribeKey returns them. */
export interface KeyMetadataAlgorithms {
  EncryptionAlgorithms?: EncryptionAlgorithm[];
  SigningAlgorithms?: SigningAlgorithm[];
  MacAlgorithms?: MacAlgorithm[];
  KeyAgreementAlgorithms?: KeyAgreementAlgorithm[];
}

type AlgorithmsByUsage = Readonly<Partial<Record<KeyUsage, Readonly<KeyMetadataAlgorithms>>>>;

export interface KeySpecInfo {
  readonly keySpec: KeySpec;
  readonly family: KeyFamily;
  /** The KeyUsage values CreateKey accepts for this spec. */
  readonly keyUsages: readonly KeyUsage[];
  /** The usage a key of this spec has when the caller names none. */
  readonly defaultKeyUsage: KeyUsage;
  /**
   * The CreateKey reference says KeyUsage "is optional when you are creating a symmetric encryption
   * KMS key; otherwise, it is required". The server decides how strict to be; this records the rule.
   */
  readonly keyUsageRequired: boolean;
  /** What DescribeKey lists for a key of this spec, per usage. */
  readonly algorithms: AlgorithmsByUsage;
  readonly rsaModulusBits?: number;
  readonly curve?: CurveName;
  readonly hmacKeyBytes?: number;
  readonly mlDsaKeyType?: MlDsaKeyType;
}

const RSA_ALGORITHMS: AlgorithmsByUsage = {
  ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] },
  // The order of AWS's own DescribeKey example for an RSA signing key: PKCS #1 v1.5 first, then PSS.
  SIGN_VERIFY: {
    SigningAlgorithms: [
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
      'RSASSA_PSS_SHA_256',
      'RSASSA_PSS_SHA_384',
      'RSASSA_PSS_SHA_512',
    ],
  },
};

const RSA_MODULUS_BITS: Readonly<Record<RsaKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

function rsaSpec(keySpec: RsaKeySpec): KeySpecInfo {
  return {
    keySpec,
    family: 'RSA',
    keyUsages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
    defaultKeyUsage: 'ENCRYPT_DECRYPT',
    keyUsageRequired: true,
    algorithms: RSA_ALGORITHMS,
    rsaModulusBits: RSA_MODULUS_BITS[keySpec],
  };
}

function eccSpec(keySpec: EccKeySpec, curve: CurveName, signing: SigningAlgorithm): KeySpecInfo {
  // AWS offers key agreement on the NIST curves only, not on secp256k1.
  const agrees = keySpec !== 'ECC_SECG_P256K1';
  return {
    keySpec,
    family: 'ECC',
    keyUsages: agrees ? ['SIGN_VERIFY', 'KEY_AGREEMENT'] : ['SIGN_VERIFY'],
    defaultKeyUsage: 'SIGN_VERIFY',
    keyUsageRequired: true,
    algorithms: {
      SIGN_VERIFY: { SigningAlgorithms: [signing] },
      ...(agrees ? { KEY_AGREEMENT: { KeyAgreementAlgorithms: ['ECDH'] } } : {}),
    },
    curve,
  };
}

function hmacSpec(keySpec: HmacKeySpec, mac: MacAlgorithm, hmacKeyBytes: number): KeySpecInfo {
  return {
    keySpec,
    family: 'HMAC',
    keyUsages: ['GENERATE_VERIFY_MAC'],
    defaultKeyUsage: 'GENERATE_VERIFY_MAC',
    keyUsageRequired: true,
    algorithms: { GENERATE_VERIFY_MAC: { MacAlgorithms: [mac] } },
    hmacKeyBytes,
  };
}

function mlDsaSpec(keySpec: MlDsaKeySpec, mlDsaKeyType: MlDsaKeyType): KeySpecInfo {
  return {
    keySpec,
    family: 'ML_DSA',
    keyUsages: ['SIGN_VERIFY'],
    defaultKeyUsage: 'SIGN_VERIFY',
    keyUsageRequired: true,
    algorithms: { SIGN_VERIFY: { SigningAlgorithms: ['ML_DSA_SHAKE_256'] } },
    mlDsaKeyType,
  };
}

export const KEY_SPEC_INFO: Readonly<Record<KeySpec, KeySpecInfo>> = {
  SYMMETRIC_DEFAULT: {
    keySpec: 'SYMMETRIC_DEFAULT',
    family: 'SYMMETRIC',
    keyUsages: ['ENCRYPT_DECRYPT'],
    defaultKeyUsage: 'ENCRYPT_DECRYPT',
    keyUsageRequired: false,
    algorithms: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } },
  },
  RSA_2048: rsaSpec('RSA_2048'),
  RSA_3072: rsaSpec('RSA_3072'),
  RSA_4096: rsaSpec('RSA_4096'),
  ECC_NIST_P256: eccSpec('ECC_NIST_P256', 'prime256v1', 'ECDSA_SHA_256'),
  ECC_NIST_P384: eccSpec('ECC_NIST_P384', 'secp384r1', 'ECDSA_SHA_384'),
  ECC_NIST_P521: eccSpec('ECC_NIST_P521', 'secp521r1', 'ECDSA_SHA_512'),
  ECC_SECG_P256K1: eccSpec('ECC_SECG_P256K1', 'secp256k1', 'ECDSA_SHA_256'),
  HMAC_224: hmacSpec('HMAC_224', 'HMAC_SHA_224', 28),
  HMAC_256: hmacSpec('HMAC_256', 'HMAC_SHA_256', 32),
  HMAC_384: hmacSpec('HMAC_384', 'HMAC_SHA_384', 48),
  HMAC_512: hmacSpec('HMAC_512', 'HMAC_SHA_512', 64),
  ML_DSA_44: mlDsaSpec('ML_DSA_44', 'ml-dsa-44'),
  ML_DSA_65: mlDsaSpec('ML_DSA_65', 'ml-dsa-65'),
  ML_DSA_87: mlDsaSpec('ML_DSA_87', 'ml-dsa-87'),
};

/** Thrown for a key spec AWS has but the sandbox doesn't (SM2, ECC_NIST_EDWARDS25519). */
export class UnsupportedKeySpecError extends Error {
  override readonly name = 'UnsupportedKeySpecError';
  constructor(readonly keySpec: string) {
    super(`Key spec ${keySpec} is not supported by the sandbox`);
  }
}

export function isKeySpec(value: string): value is KeySpec {
  return Object.hasOwn(KEY_SPEC_INFO, value);
}

/** A type guard for membership of one of the lists above. */
const memberOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

export const isKeyPairSpec = memberOf(KEY_PAIR_SPECS);
export const isKeyUsage = memberOf(KEY_USAGES);
export const isEncryptionAlgorithm = memberOf(ENCRYPTION_ALGORITHMS);
export const isSigningAlgorithm = memberOf(SIGNING_ALGORITHMS);
export const isMacAlgorithm = memberOf(MAC_ALGORITHMS);
export const isKeyAgreementAlgorithm = memberOf(KEY_AGREEMENT_ALGORITHMS);
export const isMessageType = memberOf(MESSAGE_TYPES);

/** Accepts the SDK's wider KeySpec so stored records can be passed as they are. */
export function keySpecInfo(keySpec: SdkKeySpec | KeySpec): KeySpecInfo {
  if (!isKeySpec(keySpec)) throw new UnsupportedKeySpecError(keySpec);
  return KEY_SPEC_INFO[keySpec];
}

export function isKeyUsageAllowed(keySpec: SdkKeySpec, keyUsage: string): boolean {
  return isKeySpec(keySpec) && KEY_SPEC_INFO[keySpec].keyUsages.some((u) => u === keyUsage);
}

/**
 * The algorithm fields of DescribeKey's KeyMetadata for a key of this spec and usage, as fresh
 * arrays (callers may mutate them). Fields that don't apply are absent, as in AWS's responses.
 */
export function keyMetadataAlgorithms(
  keySpec: SdkKeySpec,
  keyUsage: KeyUsageType,
): KeyMetadataAlgorithms {
  const lists = isKeyUsage(keyUsage) ? keySpecInfo(keySpec).algorithms[keyUsage] : undefined;
  if (!lists) throw new RangeError(`Key usage ${keyUsage} is not valid for key spec ${keySpec}`);
  const copy: KeyMetadataAlgorithms = {};
  if (lists.EncryptionAlgorithms) copy.EncryptionAlgorithms = [...lists.EncryptionAlgorithms];
  if (lists.SigningAlgorithms) copy.SigningAlgorithms = [...lists.SigningAlgorithms];
  if (lists.MacAlgorithms) copy.MacAlgorithms = [...lists.MacAlgorithms];
  if (lists.KeyAgreementAlgorithms) {
    copy.KeyAgreementAlgorithms = [...lists.KeyAgreementAlgorithms];
  }
  return copy;
}

// ---- Limits ----

/** Sign and Verify take a Message of at most 4096 bytes (RAW, DIGEST or EXTERNAL_MU). */
export const MAX_SIGN_MESSAGE_BYTES = 4096;
/** GenerateMac and VerifyMac take a Message of at most 4096 bytes. */
export const MAX_MAC_MESSAGE_BYTES = 4096;
/** Encrypt with a symmetric key takes at most 4096 bytes of plaintext. */
export const MAX_SYMMETRIC_PLAINTEXT_BYTES = 4096;

const SIGNING_HASH: Readonly<Record<HashedSigningAlgorithm, SignatureHashName>> = {
  RSASSA_PKCS1_V1_5_SHA_256: 'sha256',
  RSASSA_PKCS1_V1_5_SHA_384: 'sha384',
  RSASSA_PKCS1_V1_5_SHA_512: 'sha512',
  RSASSA_PSS_SHA_256: 'sha256',
  RSASSA_PSS_SHA_384: 'sha384',
  RSASSA_PSS_SHA_512: 'sha512',
  ECDSA_SHA_256: 'sha256',
  ECDSA_SHA_384: 'sha384',
  ECDSA_SHA_512: 'sha512',
};

const HASH_BYTES: Readonly<Record<HashName, number>> = {
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

export function isHashedSigningAlgorithm(
  algorithm: SigningAlgorithm,
): algorithm is HashedSigningAlgorithm {
  return algorithm !== 'ML_DSA_SHAKE_256';
}

export function signingHash(algorithm: HashedSigningAlgorithm): SignatureHashName {
  return SIGNING_HASH[algorithm];
}

export function hashLength(hash: HashName): number {
  return HASH_BYTES[hash];
}

/** With MessageType DIGEST, the Message must be exactly this long (32, 48 or 64 bytes). */
export function digestLength(algorithm: HashedSigningAlgorithm): number {
  return HASH_BYTES[SIGNING_HASH[algorithm]];
}

const MAC_HASH: Readonly<Record<MacAlgorithm, HashName>> = {
  HMAC_SHA_224: 'sha224',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

export function macHash(algorithm: MacAlgorithm): HashName {
  return MAC_HASH[algorithm];
}

export function oaepHash(algorithm: RsaEncryptionAlgorithm): HashName {
  return algorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256';
}

/**
 * The largest plaintext RSAES-OAEP can encrypt: modulus bytes − 2 × hash bytes − 2 (RFC 8017
 * §7.1.1). RSA_2048: 214 (SHA-1) / 190 (SHA-256); RSA_3072: 342 / 318; RSA_4096: 470 / 446.
 */
export function rsaMaxPlaintextBytes(
  keySpec: RsaKeySpec,
  algorithm: RsaEncryptionAlgorithm,
): number {
  return RSA_MODULUS_BITS[keySpec] / 8 - 2 * HASH_BYTES[oaepHash(algorithm)] - 2;
}
