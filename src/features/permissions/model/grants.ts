import type { GrantListEntry } from '@aws-sdk/client-kms';
import type { KmsGrant } from '../../../policy';

/** A ListGrants entry as src/policy evaluates grants. */
export function toKmsGrant(grant: GrantListEntry): KmsGrant {
  const subset = grant.Constraints?.EncryptionContextSubset;
  const equals = grant.Constraints?.EncryptionContextEquals;
  return {
    ...(grant.GrantId ? { grantId: grant.GrantId } : {}),
    ...(grant.Name ? { name: grant.Name } : {}),
    granteePrincipal: grant.GranteePrincipal ?? '',
    operations: grant.Operations ?? [],
    constraints: {
      ...(subset ? { encryptionContextSubset: subset } : {}),
      ...(equals ? { encryptionContextEquals: equals } : {}),
    },
  };
}
