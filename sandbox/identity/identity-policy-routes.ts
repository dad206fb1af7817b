import type { GetRoute } from '../http/service';
import type { IdentityDirectory } from './directory';

export const IDENTITY_POLICIES_PATH = '/sandbox/identity-policies/';

/**
 * `GET /sandbox/identity-policies/<principal ARN>`: the scenario's identity-based policies of a
 * user, role or role session, as JSON `{"principal", "policies": [{"name", "document"}]}`. AWS
 * has no browser-readable equivalent (IAM answers no CORS requests); the sandbox's scenario is
 * public, so the console may show and evaluate the policies that decided a denial.
 */
export function identityPolicyRoutes(directory: IdentityDirectory): GetRoute {
  return (path) => {
    if (!path.startsWith(IDENTITY_POLICIES_PATH)) return undefined;
    let principal: string;
    try {
      principal = decodeURIComponent(path.slice(IDENTITY_POLICIES_PATH.length));
    } catch {
      return undefined;
    }
    const policies = directory.identityPolicies(principal);
    if (!policies) {
      return {
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ message: `The sandbox has no user or role ${principal}.` }),
      };
    }
    return { contentType: 'application/json', body: JSON.stringify({ principal, policies }) };
  };
}
