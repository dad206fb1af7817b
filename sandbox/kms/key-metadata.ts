import type { CustomerMasterKeySpec, KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRecord } from '../store/records';
import type { ImportedMaterialSummary } from './imported-material';
import { keyMetadataAlgorithms } from './keys';
import { keyMaterialId } from './symmetric-ciphertext';

/** Keys whose material KMS rotates (automatically or on demand) and names by CurrentKeyMaterialId. */
export const isRotatable = (key: KeyRecord) => key.keySpec === 'SYMMETRIC_DEFAULT';

/**
 * A key's KeyMetadata exactly as CreateKey and DescribeKey return it: only the members AWS
 * returns for that kind of key (DeletionDate while pending deletion, the algorithm list of its
 * usage, CurrentKeyMaterialId for symmetric encryption keys, ExpirationModel and ValidTo for
 * keys with imported material, from `imported`), never the ones for features the sandbox doesn't
 * have (custom key stores, multi-Region configuration).
 */
export function keyMetadata(key: KeyRecord, imported?: ImportedMaterialSummary): KeyMetadata {
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
    Origin: key.origin,
    KeyManager: key.keyManager,
    // Deprecated twin of KeySpec that KMS still returns; equal for every spec the sandbox has.
    CustomerMasterKeySpec: key.keySpec as CustomerMasterKeySpec,
    KeySpec: key.keySpec,
    ...keyMetadataAlgorithms(key.keySpec, key.keyUsage),
    MultiRegion: false,
    CurrentKeyMaterialId: external
      ? imported?.currentKeyMaterialId
      : isRotatable(key)
        ? keyMaterialId(key.currentMaterialId)
        : undefined,
    ExpirationModel: external ? imported?.expirationModel : undefined,
    ValidTo: external ? imported?.validTo : undefined,
  };
}
