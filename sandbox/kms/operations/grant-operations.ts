import type { OperationHandler } from '../operation';
import { createGrant } from './create-grant';
import { listGrants } from './list-grants';
import { listRetirableGrants } from './list-retirable-grants';
import { retireGrant } from './retire-grant';
import { revokeGrant } from './revoke-grant';

export const GRANT_OPERATIONS: Record<string, OperationHandler> = {
  CreateGrant: createGrant as OperationHandler,
  ListGrants: listGrants as OperationHandler,
  ListRetirableGrants: listRetirableGrants as OperationHandler,
  RetireGrant: retireGrant as OperationHandler,
  RevokeGrant: revokeGrant as OperationHandler,
};
