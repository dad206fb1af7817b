import type { CustomerMasterKeySpec, KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRecord } from '../store/records';
import type { Store } from '../store/store';
import { importedMaterialSummary, type ImportedMaterialSummary } from './imported-material';
import { keyMetadataAlgorithms } from './keys';
import { multiRegionConfiguration } from './multi-region';
import { keyMaterialId } from './symmetric-ciphertext';

/** Keys whose material KMS rotates (automatically or on demand) and names by CurrentKeyMaterialId. */
export const isRotatable = (key: KeyRecord) => key.keySpec === 'SYMMETRIC_DEFAULT';

/** What KeyMetadata says beyond the key's own record. */
export interface KeyMetadataParts {
  /** Keys with imported material: what their material says. */
  imported?: ImportedMaterialSummary;
  /** Multi-Region keys: the primary and replicas. */
  multiRegion?: KeyMetadata['MultiRegionConfiguration'];
}

/** The KeyMetadata of a stored key, with everything it needs read from the store. */
export function describeStoredKey(store: Store, key: KeyRecord): KeyMetadata {
  return keyMetadata(key, {
    imported: key.origin === 'EXTERNAL' ? importedMaterialSummary(store, key) : undefined,
    multiRegion: multiRegionConfiguration(store, key),
  });
}

/**
 * A key's KeyMetadata exactly as CreateKey and DescribeKey return it: only the members AWS
 * returns for that kind of key (DeletionDate while pending deletion, PendingDeletionWindowInDays
 * while a primary waits for its replicas' deletion, the algorithm list of its usage,
 * CurrentKeyMaterialId for symmetric encryption keys, ExpirationModel and ValidTo for keys with
 * imported material, MultiRegionConfiguration for multi-Region keys), never the ones for features
 * the sandbox doesn't have (custom key stores).
 */
export function keyMetadata(key: KeyRecord, parts: KeyMetadataParts = {}): KeyMetadata {
  const { imported } = parts;
  const external = key.origin === 'EXTERNAL';
  return {
    AWSAccountId: key.account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.keyState,
    DeletionDate: key.keyState === 'PendingDeletion' ? key.deletionDate : undefined,
    PendingDeletionWindowInDays:
      key.keyState === 'PendingReplicaDeletion' ? key.pendingWindowDays : undefined,
    Origin: key.origin,
    KeyManager: key.keyManager,
    // Deprecated twin of KeySpec that KMS still returns; equal for every spec the sandbox has.
    CustomerMasterKeySpec: key.keySpec as CustomerMasterKeySpec,
    KeySpec: key.keySpec,
    ...keyMetadataAlgorithms(key.keySpec, key.keyUsage),
    MultiRegion: key.primaryRegion !== undefined,
    MultiRegionConfiguration: parts.multiRegion,
    CurrentKeyMaterialId: external
      ? imported?.currentKeyMaterialId
      : isRotatable(key)
        ? keyMaterialId(key.currentMaterialId)
        : undefined,
    ExpirationModel: external ? imported?.expirationModel : undefined,
    ValidTo: external ? imported?.validTo : undefined,
  };
}
