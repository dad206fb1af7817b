import { queryOptions } from '@tanstack/react-query';

export interface NamedIdentityPolicy {
  name: string;
  /** The policy JSON, as IAM stores it. */
  document: string;
}

/**
 * The signed-in principal's identity-based policies, from the sandbox's
 * `/sandbox/identity-policies/<principal ARN>`. Only the sandbox answers it: IAM answers no
 * browser requests, so against AWS the policies stay unknown and explanations say so.
 */
export async function getIdentityPolicies(
  endpoint: string,
  principalArn: string,
  signal?: AbortSignal,
): Promise<NamedIdentityPolicy[]> {
  const url = `${endpoint.replace(/\/+$/, '')}/sandbox/identity-policies/${encodeURIComponent(principalArn)}`;
  const answer = await fetch(url, { signal });
  const type = answer.headers.get('content-type') ?? '';
  if (!answer.ok || !type.startsWith('application/json')) {
    throw new Error(
      `The sandbox did not return the policies of ${principalArn} (HTTP ${answer.status}).`,
    );
  }
  const body = (await answer.json()) as { policies?: NamedIdentityPolicy[] };
  return body.policies ?? [];
}

export const identityPoliciesQueryOptions = (endpoint: string, principalArn: string) =>
  queryOptions({
    queryKey: ['permissions', 'identity-policies', endpoint, principalArn] as const,
    queryFn: ({ signal }) => getIdentityPolicies(endpoint, principalArn, signal),
    retry: false,
    staleTime: 60_000,
  });
