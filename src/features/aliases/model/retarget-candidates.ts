import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { KeyRow } from '../../../kms/catalog/rows';

/** UpdateAlias' "same type": symmetric, asymmetric (RSA, ECC, SM2, ML-DSA) or HMAC. */
export function keyTypeOf(keySpec: string | undefined): 'symmetric' | 'asymmetric' | 'hmac' {
  if (keySpec === undefined || keySpec === 'SYMMETRIC_DEFAULT') return 'symmetric';
  return keySpec.startsWith('HMAC_') ? 'hmac' : 'asymmetric';
}

/**
 * Keys an alias pointing at `current` may move to: customer managed, not pending deletion, same
 * key type and key usage, and not the current key itself. Keys not described yet are left out
 * (their type is unknown); the caller says the list is still loading.
 */
export function retargetCandidates(rows: readonly KeyRow[], current: KeyMetadata): KeyRow[] {
  const type = keyTypeOf(current.KeySpec);
  return rows.filter(({ keyId, metadata }) => {
    if (!metadata || keyId === current.KeyId) return false;
    return (
      metadata.KeyManager === 'CUSTOMER' &&
      metadata.KeyState !== 'PendingDeletion' &&
      metadata.KeyState !== 'PendingReplicaDeletion' &&
      metadata.KeyUsage === current.KeyUsage &&
      keyTypeOf(metadata.KeySpec) === type
    );
  });
}
