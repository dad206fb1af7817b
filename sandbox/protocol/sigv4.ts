import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  incompleteSignature,
  missingAuthenticationToken,
  signatureInvalid,
  signatureMismatch,
} from './errors';
import { NodeSha256 } from './node-sha256';

/** How far a request's x-amz-date may be from the sandbox clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export interface IncomingSignedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /**
   * Every value of every header as sent (Node's `headersDistinct`): Node keeps only the first
   * Authorization or Host and joins other repeats with ", ", where SigV4 joins them with ",".
   */
  distinctHeaders?: NodeJS.Dict<string[]>;
  body: Buffer;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export interface SigningSecret {
  secretAccessKey: string;
  sessionToken?: string;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The header as every SDK writes it; anything else takes the general parser below. */
const CANONICAL_AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([^,\s]+)$/;

/** Reads `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(request: {
  headers: IncomingHttpHeaders;
  distinctHeaders?: NodeJS.Dict<string[]>;
}): ParsedAuthorization {
  const header = headerValue(request.headers, 'authorization');
  if (!header) throw missingAuthenticationToken();
  // AWS does not document what it does with two Authorization headers; which one a proxy or a
  // server reads differs, so the sandbox refuses the request (the wording is ours).
  if ((request.distinctHeaders?.authorization?.length ?? 1) > 1) {
    throw incompleteSignature(
      'The request has more than one Authorization header; send exactly one.',
    );
  }
  const canonical = CANONICAL_AUTHORIZATION.exec(header);
  if (canonical) return fromParameters(canonical[1], canonical[2], canonical[3]);
  const [algorithm, ...rest] = header.trim().split(/\s+/);
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'. Use AWS4-HMAC-SHA256.`);
  }
  const params = new Map<string, string>();
  for (const part of rest.join(' ').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !params.get(p));
  if (missing.length > 0) {
    throw incompleteSignature(
      missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ') +
        ` Authorization=${algorithm}`,
    );
  }
  return fromParameters(
    params.get('Credential')!,
    params.get('SignedHeaders')!,
    params.get('Signature')!,
  );
}

function fromParameters(
  credential: string,
  signedHeaders: string,
  signature: string,
): ParsedAuthorization {
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw incompleteSignature(
      `Credential should be scoped to a valid region, service and 'aws4_request': ${credential}`,
    );
  }
  const [accessKeyId, shortDate, region, service] = scope;
  return {
    accessKeyId,
    shortDate,
    region,
    service,
    signedHeaders: signedHeaders.toLowerCase().split(';'),
    // SigV4 signatures are lower-case hex; AWS does not accept the same digits in upper case.
    signature,
  };
}

/**
 * Headers that must be in SignedHeaders whenever the request carries them: the date the
 * signature is checked against, and the operation a JSON request asks for (an unsigned
 * X-Amz-Target would let anyone replay a signed body as another operation). Content-Type is not
 * among them: AWS accepts it unsigned (the AWS SDK for JavaScript v2 never signs it).
 */
const SIGNED_WHEN_PRESENT = ['x-amz-date', 'x-amz-target'];

/**
 * The rules on SignedHeaders that AWS checks before the signature itself. The wording is AWS's
 * for Host ("'Host' or ':authority' must be a 'SignedHeader' …", as KMS and DynamoDB answer) and
 * for a named header that is missing (as AWS's SigV4 answers it, e.g. in AppSync); that the same
 * "must be a 'SignedHeader'" message covers x-amz-date and X-Amz-Target is undocumented and
 * follows the form AWS uses for Content-Type where a service requires it.
 */
export function checkSignedHeaders(
  request: { headers: IncomingHttpHeaders },
  auth: ParsedAuthorization,
): void {
  const signed = new Set(auth.signedHeaders);
  if (!signed.has('host') && !signed.has(':authority')) {
    throw signatureInvalid(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  for (const name of SIGNED_WHEN_PRESENT) {
    if (request.headers[name] !== undefined && !signed.has(name)) {
      throw signatureInvalid(`'${name}' must be a 'SignedHeader' in the AWS Authorization.`);
    }
  }
  for (const name of signed) {
    if (request.headers[name] === undefined) {
      throw incompleteSignature(
        `'${name}' is named as a SignedHeader, but it does not exist in the HTTP request.`,
      );
    }
  }
}

function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

const formatAmzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Checks x-amz-date against the clock the way AWS words its refusals. */
export function checkRequestTime(headers: IncomingHttpHeaders, now: Date): Date {
  const raw = headerValue(headers, 'x-amz-date');
  const signedAt = parseAmzDate(raw);
  if (!signedAt) {
    if (raw !== undefined) {
      throw incompleteSignature(
        `Date must be in ISO-8601 'basic format'. Got '${raw}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      );
    }
    // AWS also accepts a signed Date header instead; the sandbox's verifier (the SDK's own
    // signer) always dates by X-Amz-Date, so it says so rather than AWS's hint at Date.
    if (headers.date !== undefined) {
      throw incompleteSignature(
        'The sandbox checks signatures dated by an X-Amz-Date header, and this request has only a Date header. Sign an X-Amz-Date header (every AWS SDK does).',
      );
    }
    throw incompleteSignature(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  const skew = signedAt.getTime() - now.getTime();
  if (skew < -SIGNATURE_WINDOW_MS) {
    const limit = new Date(now.getTime() - SIGNATURE_WINDOW_MS);
    throw signatureInvalid(
      `Signature expired: ${raw} is now earlier than ${formatAmzDate(limit)} (${formatAmzDate(now)} - 5 min.)`,
    );
  }
  if (skew > SIGNATURE_WINDOW_MS) {
    const limit = new Date(now.getTime() + SIGNATURE_WINDOW_MS);
    throw signatureInvalid(
      `Signature not yet current: ${raw} is still later than ${formatAmzDate(limit)} (${formatAmzDate(now)} + 5 min.)`,
    );
  }
  return signedAt;
}

/**
 * The body is hashed here rather than trusting x-amz-content-sha256: a client may send that header,
 * and when it does it must describe the bytes that actually arrived.
 */
export function checkPayloadHash(headers: IncomingHttpHeaders, body: Buffer): void {
  const declared = headerValue(headers, 'x-amz-content-sha256');
  if (declared === undefined || declared === 'UNSIGNED-PAYLOAD') return;
  const actual = createHash('sha256').update(body).digest('hex');
  if (declared.toLowerCase() !== actual) {
    throw signatureInvalid(
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }
}

const signers = new Map<string, SignatureV4>();
const MAX_CACHED_SIGNERS = 1000;

/**
 * One signer per credential, region and service: a signer caches its derived signing keys, so a
 * busy client costs one HMAC chain per day instead of one per request.
 */
function signerFor(
  auth: ParsedAuthorization,
  secretAccessKey: string,
  sessionToken: string | undefined,
): SignatureV4 {
  const cacheKey = [
    auth.accessKeyId,
    secretAccessKey,
    sessionToken,
    auth.region,
    auth.service,
  ].join('\n');
  let signer = signers.get(cacheKey);
  if (!signer) {
    if (signers.size >= MAX_CACHED_SIGNERS) signers.clear();
    signer = new SignatureV4({
      credentials: { accessKeyId: auth.accessKeyId, secretAccessKey, sessionToken },
      region: auth.region,
      service: auth.service,
      sha256: NodeSha256,
      // Otherwise the signer adds and signs x-amz-content-sha256 even when the client did not
      // (botocore and the AWS CLI leave it out), and no such request would ever verify.
      applyChecksum: false,
    });
    signers.set(cacheKey, signer);
  }
  return signer;
}

/**
 * Recomputes the signature with @smithy/signature-v4 over exactly the headers the client signed,
 * then compares in constant time.
 */
export async function verifySignature(
  request: IncomingSignedRequest,
  auth: ParsedAuthorization,
  secret: SigningSecret,
  signedAt: Date,
): Promise<void> {
  const signed = new Set(auth.signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of signed) {
    // The signer adds these itself from signingDate and the credentials.
    if (name === 'x-amz-date' || name === 'x-amz-security-token') continue;
    // Repeated headers are signed as their values joined by "," (SigV4's canonical form).
    const value = request.distinctHeaders?.[name]?.join(',') ?? headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const signer = signerFor(
    auth,
    secret.secretAccessKey,
    signed.has('x-amz-security-token') ? secret.sessionToken : undefined,
  );
  const recomputed = await signer.sign(
    new HttpRequest({
      method: request.method,
      hostname: headers.host ?? '',
      path: request.path,
      query: request.query,
      headers,
      body: request.body,
    }),
    { signingDate: signedAt, signableHeaders: signed },
  );
  const expected =
    /Signature=([0-9a-f]+)/.exec(String(recomputed.headers.authorization))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw signatureMismatch();
}
