import type { KmsConditionInput } from '../../src/policy';
import type { Principal } from '../identity/principal';
import type { Store } from '../store/store';
import type { KeyRecord, Scope } from '../store/records';

/** What an operation asks authorization about, beyond caller and action. */
export interface AuthorizationRequest {
  /** e.g. `kms:Encrypt`. */
  action: string;
  /** The key acted on; undefined for account-level actions (CreateKey, ListKeys, GenerateRandom…). */
  key?: KeyRecord;
  /** The alias the caller named, for kms:RequestAlias. */
  requestAlias?: string;
  encryptionContext?: Record<string, string>;
  grantTokens?: string[];
  /**
   * The Region whose policies must allow it, when not the request's own: ReplicateKey needs
   * kms:CreateKey in the replica's Region, UpdatePrimaryRegion needs kms:UpdatePrimaryRegion on
   * the replica in its Region (aws:RequestedRegion is then that Region).
   */
  region?: string;
  /** Further condition keys of this action, e.g. `kms:EncryptionAlgorithm`. */
  conditionKeys?: Record<string, string | string[] | boolean | number>;
  /** Request values src/policy turns into condition keys itself (e.g. kms:ValidTo's Unix time). */
  conditionInput?: Pick<
    KmsConditionInput,
    | 'wrappingAlgorithm'
    | 'wrappingKeySpec'
    | 'expirationModel'
    | 'validTo'
    | 'replicaRegion'
    | 'primaryRegion'
    | 'multiRegion'
    | 'multiRegionKeyType'
  >;
}

/** Everything a KMS operation handler may use; handlers touch nothing else. */
export interface OperationContext {
  requestId: string;
  now: Date;
  region: string;
  caller: Principal;
  /** The caller's account and the request's Region: where the caller's own keys and aliases are. */
  scope: Scope;
  store: Store;
  /** Throws AccessDeniedException in AWS's words when the caller may not do this. */
  authorize(request: AuthorizationRequest): void;
  /**
   * Runs an asynchronous handler's writes in one transaction with the request's event. (A
   * synchronous handler's writes already share one: the service opens it.)
   */
  commit<T>(write: () => T): T;
}

/**
 * One KMS API operation. Handlers take and return the SDK's own shapes
 * (`EncryptCommandInput` → `EncryptCommandOutput` minus $metadata), so the wire contract has one
 * source of truth. A handler reads top to bottom: validate, load key, authorize, check state and
 * usage, dry-run gate, operate, respond.
 */
export type OperationHandler<I, O = unknown> = (input: I, ctx: OperationContext) => O | Promise<O>;

/**
 * Operations by API name. Each handler keeps its own SDK input type (a handler of
 * `EncryptCommandInput` is an `OperationHandler<never>`), so registries are checked with
 * `satisfies OperationRegistry` rather than widened by a cast.
 */
export type OperationRegistry = Record<string, OperationHandler<never>>;
