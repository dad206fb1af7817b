import type { OperationHandler } from '../operation';
import { CRYPTO_OPERATIONS } from './crypto-operations';
import { GRANT_OPERATIONS } from './grant-operations';
import { KEY_MANAGEMENT_OPERATIONS } from './key-management-operations';

/** Every KMS operation the sandbox speaks, by its API name. */
export const OPERATIONS: Record<string, OperationHandler> = {
  ...KEY_MANAGEMENT_OPERATIONS,
  ...CRYPTO_OPERATIONS,
  ...GRANT_OPERATIONS,
};
