import type { Credential, CredentialResolver } from '../identity/principal';
import { signatureInvalid } from '../protocol/errors';
import {
  checkPayloadHash,
  checkRequestTime,
  headerValue,
  parseAuthorization,
  verifySignature,
  type IncomingSignedRequest,
} from '../protocol/sigv4';

/**
 * SigV4 authentication, in the order AWS reports failures: no signature, unknown key, expired
 * session, body hash, clock window, then the signature itself.
 */
export async function authenticate(
  request: IncomingSignedRequest,
  credentials: CredentialResolver,
  expected: { service: string; region: string },
  now: Date,
): Promise<Credential> {
  const auth = parseAuthorization(request.headers);
  const sessionToken = headerValue(request.headers, 'x-amz-security-token');
  const credential = credentials.resolve(auth.accessKeyId, sessionToken, now);
  if (auth.region !== expected.region) {
    throw signatureInvalid(
      `Credential should be scoped to a valid region. This sandbox serves '${expected.region}', not '${auth.region}'.`,
    );
  }
  if (auth.service !== expected.service) {
    throw signatureInvalid(
      `Credential should be scoped to correct service: '${expected.service}'.`,
    );
  }
  checkPayloadHash(request.headers, request.body);
  const signedAt = checkRequestTime(request.headers, now);
  await verifySignature(request, auth, credential, signedAt);
  return credential;
}
