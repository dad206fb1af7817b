import type { Credential, CredentialResolver } from '../identity/principal';
import { signatureInvalid } from '../protocol/errors';
import { requireScopeRegion } from '../protocol/regions';
import {
  checkPayloadHash,
  checkRequestTime,
  checkSignedHeaders,
  headerValue,
  parseAuthorization,
  verifySignature,
  type IncomingSignedRequest,
} from '../protocol/sigv4';

export interface Authenticated {
  credential: Credential;
  /** The Region of the credential scope: the Region the request is for. */
  region: string;
}

/**
 * SigV4 authentication, in the order AWS reports failures: no signature, unknown key, expired
 * session, scope (Region, service), body hash, clock window, the rules on SignedHeaders, then
 * the signature itself. Every Region of the `aws` partition is served, each with its own state.
 */
export async function authenticate(
  request: IncomingSignedRequest,
  credentials: CredentialResolver,
  service: string,
  now: Date,
): Promise<Authenticated> {
  const auth = parseAuthorization(request);
  const sessionToken = headerValue(request.headers, 'x-amz-security-token');
  const credential = credentials.resolve(auth.accessKeyId, sessionToken, now);
  const region = requireScopeRegion(auth.region);
  if (auth.service !== service) {
    throw signatureInvalid(`Credential should be scoped to correct service: '${service}'.`);
  }
  checkPayloadHash(request.headers, request.body);
  const signedAt = checkRequestTime(request.headers, now);
  checkSignedHeaders(request, auth);
  await verifySignature(request, auth, credential, signedAt);
  return { credential, region };
}
