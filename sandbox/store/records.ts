import type {
  AlgorithmSpec,
  ExpirationModelType,
  GrantConstraints,
  GrantOperation,
  KeySpec,
  KeyState,
  KeyUsageType,
  WrappingKeySpec,
} from '@aws-sdk/client-kms';

/**
 * Where per-account state lives: an account and a Region. Keys and aliases belong to one (so a
 * KeyRecord or AliasRecord is itself a Scope); a request's own scope is its caller's account and
 * the Region it was signed for.
 */
export interface Scope {
  account: string;
  region: string;
}

/**
 * Which key: its Region and key id (a multi-Region key's related keys share the key id across
 * Regions). A KeyRecord is itself a KeyRef, and so is every record that belongs to a key.
 */
export interface KeyRef {
  region: string;
  keyId: string;
}

/** A KMS key as the sandbox stores it; key material lives in MaterialRecord. */
export interface KeyRecord {
  keyId: string;
  account: string;
  region: string;
  arn: string;
  description: string;
  keySpec: KeySpec;
  keyUsage: KeyUsageType;
  origin: 'AWS_KMS' | 'EXTERNAL';
  keyManager: 'CUSTOMER' | 'AWS';
  keyState: KeyState;
  creationDate: Date;
  deletionDate?: Date;
  pendingWindowDays?: number;
  policy: string;
  rotationEnabled: boolean;
  rotationPeriodDays?: number;
  nextRotationDate?: Date;
  currentMaterialId: string;
  /**
   * Multi-Region keys only: the Region of the primary key of the set. The key is the primary when
   * this is its own Region, a replica otherwise. Related keys share key id and account, and the
   * primary's key material versions are copied to every replica.
   */
  primaryRegion?: string;
}

/** One key material version of one key (a replica holds copies of its primary's versions). */
export interface MaterialRecord {
  region: string;
  materialId: string;
  keyId: string;
  material: Buffer;
  created: Date;
  /** undefined for the key's original material. */
  rotationType?: 'AUTOMATIC' | 'ON_DEMAND';
}

export interface AliasRecord {
  account: string;
  region: string;
  aliasName: string;
  targetKeyId: string;
  creationDate: Date;
  lastUpdatedDate: Date;
}

export interface GrantRecord {
  grantId: string;
  region: string;
  keyId: string;
  name?: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  issuingAccount: string;
  operations: GrantOperation[];
  constraints?: GrantConstraints;
  creationDate: Date;
  grantToken: string;
}

export interface TagRecord {
  TagKey: string;
  TagValue: string;
}

/** One outstanding GetParametersForImport answer: a wrapping key pair bound to a key for 24 hours. */
export interface ImportTokenRecord {
  /** Hex of the token's random bytes. */
  tokenId: string;
  region: string;
  keyId: string;
  wrappingAlgorithm: AlgorithmSpec;
  wrappingKeySpec: WrappingKeySpec;
  /** The wrapping key's private half, PKCS #8 DER. */
  privateKey: Buffer;
  validTo: Date;
}

/**
 * Key material imported into an EXTERNAL key. The row outlives the material's bytes (which live in
 * key_materials while imported): KMS keeps the association, so only the same material may come back.
 */
export interface ImportedMaterialRecord {
  /** The id ciphertexts name; also the key_materials row while the material is imported. */
  materialId: string;
  region: string;
  keyId: string;
  /** KMS's KeyMaterialId: 64 hex digits derived from the key id and the material. */
  keyMaterialId: string;
  description?: string;
  /** Imported as NEW_KEY_MATERIAL and not yet rotated to: not permanently associated. */
  pendingRotation: boolean;
  /** Set while the material is imported. */
  expirationModel?: ExpirationModelType;
  validTo?: Date;
  /** Set once an on-demand rotation made this material current. */
  rotationType?: 'ON_DEMAND';
  rotationDate?: Date;
  /** Whether the material's bytes are in KMS now (ImportState IMPORTED). */
  imported: boolean;
}
