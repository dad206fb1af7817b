import type { OperationRegistry } from '../operation';
import { createGrant } from './create-grant';
import { listGrants } from './list-grants';
import { listRetirableGrants } from './list-retirable-grants';
import { retireGrant } from './retire-grant';
import { revokeGrant } from './revoke-grant';

export const GRANT_OPERATIONS = {
  CreateGrant: createGrant,
  ListGrants: listGrants,
  ListRetirableGrants: listRetirableGrants,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant,
} satisfies OperationRegistry;
