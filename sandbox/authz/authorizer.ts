import type { Principal } from '../identity/principal';
import type { AuthorizationRequest } from '../kms/operation';
import type { Store } from '../store/store';

/** Who asks, where (the request's Region), when, and the state the decision reads. */
export interface AuthorizationScope {
  readonly caller: Principal;
  readonly region: string;
  readonly now: Date;
  readonly store: Store;
}

/** Decides whether a caller may perform an action; throws AccessDeniedException if not. */
export interface Authorizer {
  authorize(scope: AuthorizationScope, request: AuthorizationRequest): void;
}
