import { useQuery } from '@tanstack/react-query';
import { getKeyPolicy, useKeyPolicy } from '../../../kms/api/get-key-policy';
import { describeError, isAccessDenied, type ConsoleError } from '../../../kms/errors';
import type { ScenarioSessions } from '../scenario/scenario-sessions';

/** Where the key policy used for explanations came from. */
export type KeyPolicyOrigin = 'you' | 'sandbox-admin' | 'pasted';

export type KeyPolicySource =
  | { status: 'none' }
  | { status: 'loading' }
  | {
      status: 'read';
      policy: string;
      origin: KeyPolicyOrigin;
      /** Why the signed-in principal could not read it, when it could not. */
      yourError?: ConsoleError;
    }
  | { status: 'unreadable'; yourError: ConsoleError; adminError?: ConsoleError };

export interface KeyPolicySourceInput {
  keyArn: string | undefined;
  /** Only read when there is a denial to explain. */
  enabled: boolean;
  /** The sandbox's scenario users (undefined against real AWS). */
  sessions: ScenarioSessions | undefined;
  /** A policy the user pasted (someone who may read it gave it to them). */
  pasted: string;
}

/**
 * The key policy to explain denials with: read with GetKeyPolicy as the signed-in principal.
 * When it may not (operators and guests may not), the policy can be pasted; in the sandbox the
 * console reads it as the scenario admin instead, and says so. Against real AWS only documents
 * the caller may read, or was given, are used.
 */
export function useKeyPolicySource(input: KeyPolicySourceInput): KeyPolicySource {
  const { keyArn, enabled, sessions } = input;
  const yours = useKeyPolicy(keyArn ?? '', { enabled: enabled && keyArn !== undefined });
  const yourDenial = yours.isError && isAccessDenied(yours.error);
  const admin = useQuery({
    queryKey: ['permissions', 'sandbox-admin-key-policy', keyArn] as const,
    queryFn: async ({ signal }) => {
      if (sessions === undefined || keyArn === undefined) throw new Error('Not in the sandbox');
      const session = await sessions.session('admin');
      return getKeyPolicy(session.kms, keyArn, signal);
    },
    enabled: enabled && keyArn !== undefined && yourDenial && sessions !== undefined,
    retry: false,
    staleTime: 30_000,
  });

  if (!enabled || keyArn === undefined) return { status: 'none' };
  if (yours.data !== undefined) return { status: 'read', policy: yours.data, origin: 'you' };
  if (yours.isPending) return { status: 'loading' };
  const yourError = describeError(yours.error);
  if (input.pasted.trim() !== '') {
    return { status: 'read', policy: input.pasted, origin: 'pasted', yourError };
  }
  if (admin.data !== undefined) {
    return { status: 'read', policy: admin.data, origin: 'sandbox-admin', yourError };
  }
  if (admin.fetchStatus === 'fetching') return { status: 'loading' };
  return {
    status: 'unreadable',
    yourError,
    ...(admin.isError ? { adminError: describeError(admin.error) } : {}),
  };
}
