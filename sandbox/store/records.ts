import type {
  GrantConstraints,
  GrantOperation,
  KeySpec,
  KeyState,
  KeyUsageType,
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
   * this is its own Region, a replica otherwise. Related keys share key id, account and material.
   */
  primaryRegion?: string;
}

export interface MaterialRecord {
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
