import type { Principal } from '../identity/principal';
import type { AuthorizationRequest } from '../kms/operation';
import type { Store } from '../store/store';

/** Decides whether a caller may perform an action; throws AccessDeniedException if not. */
export interface Authorizer {
  authorize(caller: Principal, request: AuthorizationRequest, store: Store, now: Date): void;
}
