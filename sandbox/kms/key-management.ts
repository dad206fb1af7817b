import { formatAccessDenied } from '../../src/policy';
import { accessDenied, unsupportedOperation } from '../protocol/errors';
import type { KeyRecord } from '../store/records';
import { isRotatable } from './key-metadata';
import { requireCustomerManaged, resolveKey, type ResolvedKey } from './key-lookup';
import type { AuthorizationRequest, OperationContext } from './operation';
import { InputValidator, KEY_ID_RULE } from './validation';

/** The KeyId of a request that has no other member, validated as KMS validates it. */
export function readKeyIdOnly(input: object): string {
  const v = new InputValidator(input);
  const keyId = v.string('KeyId', KEY_ID_RULE);
  v.done();
  return keyId;
}

/**
 * The KeyId of a key management operation: key id or key ARN, not an alias, as the reference
 * documents for these operations ("Invalid keyId alias/…" otherwise).
 */
export function resolveManagedKey(ctx: OperationContext, keyId: string): ResolvedKey {
  return resolveKey(ctx, keyId, { allowAlias: false });
}

/**
 * Authorizes an operation whose reference says "Cross-account use: No". Another account's key
 * policy may well allow the action, but KMS documents such permissions as having no effect: the
 * caller is refused as if no resource-based policy allowed it.
 */
export function authorizeOwnKey(
  ctx: OperationContext,
  request: AuthorizationRequest & { key: KeyRecord },
): void {
  ctx.authorize(request);
  if (request.key.account !== ctx.caller.account) {
    throw accessDenied(
      formatAccessDenied({
        principalArn: ctx.caller.arn,
        action: request.action,
        resource: request.key.arn,
        kind: 'no-allow',
        policyType: 'resource-based',
      }),
    );
  }
}

/**
 * The caller's own key that a key management operation reads, checked in KMS's order: the key
 * (key id or ARN, never an alias), then `kms:<operation>` on it.
 */
export function ownKeyToRead(
  ctx: OperationContext,
  keyId: string,
  operation: string,
  conditionKeys?: AuthorizationRequest['conditionKeys'],
): KeyRecord {
  const { key } = resolveManagedKey(ctx, keyId);
  authorizeOwnKey(ctx, { action: `kms:${operation}`, key, conditionKeys });
  return key;
}

/** The key an operation that changes it acts on: as ownKeyToRead, then customer managed only. */
export function ownKeyToChange(
  ctx: OperationContext,
  keyId: string,
  operation: string,
  conditionKeys?: AuthorizationRequest['conditionKeys'],
): KeyRecord {
  const key = ownKeyToRead(ctx, keyId, operation, conditionKeys);
  requireCustomerManaged(key, operation);
  return key;
}

/** Automatic and on-demand rotation exist only for symmetric encryption keys. */
export function requireRotatable(key: KeyRecord, operation: string): void {
  if (!isRotatable(key)) {
    throw unsupportedOperation(
      `${key.arn} key spec is ${key.keySpec} which is not valid for ${operation}. Only symmetric encryption keys (SYMMETRIC_DEFAULT) have rotating key material.`,
    );
  }
}
