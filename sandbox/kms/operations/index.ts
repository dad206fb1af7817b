import type { JsonObject } from '../../protocol/json-codec';
import type { OperationHandler, OperationRegistry } from '../operation';
import { CRYPTO_OPERATIONS } from './crypto-operations';
import { GRANT_OPERATIONS } from './grant-operations';
import { IMPORT_OPERATIONS } from './import-operations';
import { KEY_MANAGEMENT_OPERATIONS } from './key-management-operations';
import { MULTI_REGION_OPERATIONS } from './multi-region-operations';

/** Every KMS operation the sandbox speaks, by its API name. */
export const OPERATIONS = {
  ...KEY_MANAGEMENT_OPERATIONS,
  ...CRYPTO_OPERATIONS,
  ...GRANT_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...MULTI_REGION_OPERATIONS,
} satisfies OperationRegistry;

export type OperationName = keyof typeof OPERATIONS;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/**
 * The handler of an operation, taking the decoded request body. This is the one place the wire's
 * untyped JSON becomes the handler's SDK input type: every handler checks each member it reads
 * with an InputValidator before using it.
 */
export function operationHandler(name: OperationName): OperationHandler<JsonObject> {
  return OPERATIONS[name] as OperationHandler<JsonObject>;
}
