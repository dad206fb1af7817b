import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AwsError, expiredToken, unrecognizedClient } from '../protocol/errors';
import { BoundedMap } from '../store/bounded-map';
import { roleSessionPrincipal, type IdentityDirectory } from './directory';
import type { Credential, CredentialResolver, WebIdentity } from './principal';

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface SessionRequest {
  roleArn: string;
  sessionName: string;
  /** Session policy documents (JSON) that narrow what the role allows. */
  sessionPolicies: string[];
  /** Recorded in CloudTrail's sessionContext. */
  issuedAt?: Date;
  expiration: Date;
  webIdentity?: WebIdentity;
}

/** What a session token carries, sealed so only this sandbox can read or mint one. */
interface SealedSession {
  secret: string;
  role: string;
  name: string;
  policies: string[];
  /** Expiration, epoch milliseconds. */
  exp: number;
  /** Issue time, epoch milliseconds (absent in tokens of older sandboxes). */
  iat?: number;
  web?: WebIdentity;
}

const TOKEN_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Access key ids are `ASIA` + 16 characters of this alphabet, like AWS's temporary keys. */
const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TEMPORARY_KEY_PREFIX = 'ASIA';

function newAccessKeyId(): string {
  const bytes = randomBytes(16);
  let id = TEMPORARY_KEY_PREFIX;
  for (const byte of bytes) id += KEY_ID_ALPHABET[byte & 31];
  return id;
}

/**
 * Temporary credentials (what Cognito's GetCredentialsForIdentity and STS hand out). The session
 * token is the session itself, encrypted and authenticated with AES-256-GCM under a key derived
 * from the persisted root secret, with the access key id as associated data: nothing per session
 * is stored, a restart keeps every token valid until it expires, and a token cannot be forged,
 * altered or moved to another access key id.
 */
export class SessionCredentials implements CredentialResolver {
  /**
   * Opened tokens by token text. A token is immutable and bound to its access key id, so a hit
   * only needs the same id and a fresh expiry check; it saves an AES-GCM open and a JSON parse
   * per request, and gives authorization the same principal object to memoize against.
   */
  private readonly opened = new BoundedMap<string, Credential>(10_000);

  constructor(
    private readonly key: Buffer,
    private readonly directory: IdentityDirectory,
  ) {}

  issue(request: SessionRequest): TemporaryCredentials {
    const accessKeyId = newAccessKeyId();
    const secretAccessKey = randomBytes(30).toString('base64');
    const sealed: SealedSession = {
      secret: secretAccessKey,
      role: request.roleArn,
      name: request.sessionName,
      policies: request.sessionPolicies,
      exp: request.expiration.getTime(),
      ...(request.issuedAt ? { iat: request.issuedAt.getTime() } : {}),
      ...(request.webIdentity ? { web: request.webIdentity } : {}),
    };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(accessKeyId, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(sealed), 'utf8'), cipher.final()]);
    const sessionToken = Buffer.concat([
      Buffer.from([TOKEN_VERSION]),
      iv,
      body,
      cipher.getAuthTag(),
    ]).toString('base64');
    return { accessKeyId, secretAccessKey, sessionToken, expiration: request.expiration };
  }

  resolve(accessKeyId: string, sessionToken: string | undefined, now: Date): Credential {
    if (!accessKeyId.startsWith(TEMPORARY_KEY_PREFIX) || !sessionToken) throw unrecognizedClient();
    const cached = this.opened.get(sessionToken);
    if (cached && cached.accessKeyId === accessKeyId) {
      if (now.getTime() >= cached.expiration!.getTime()) throw expiredToken();
      return cached;
    }
    const session = this.open(accessKeyId, sessionToken);
    if (!session) throw unrecognizedClient();
    if (now.getTime() >= session.exp) throw expiredToken();
    const role = this.directory.role(session.role);
    if (!role) throw unrecognizedClient();
    const credential: Credential = Object.freeze({
      accessKeyId,
      secretAccessKey: session.secret,
      sessionToken,
      expiration: new Date(session.exp),
      ...(session.iat !== undefined ? { issuedAt: new Date(session.iat) } : {}),
      ...(session.web ? { webIdentity: session.web } : {}),
      principal: Object.freeze(roleSessionPrincipal(role, session.name, session.policies)),
    });
    this.opened.set(sessionToken, credential);
    return credential;
  }

  private open(accessKeyId: string, sessionToken: string): SealedSession | undefined {
    const raw = Buffer.from(sessionToken, 'base64');
    if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== TOKEN_VERSION) return undefined;
    const iv = raw.subarray(1, 1 + IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const body = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(accessKeyId, 'utf8'));
      decipher.setAuthTag(tag);
      const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      return JSON.parse(text) as SealedSession;
    } catch {
      return undefined;
    }
  }
}

/**
 * Tries each resolver in turn: the first that recognizes the access key id answers. Any other
 * refusal (an expired token) is final, as AWS reports it.
 */
export function chainCredentialResolvers(...resolvers: CredentialResolver[]): CredentialResolver {
  return {
    resolve(accessKeyId, sessionToken, now) {
      for (const resolver of resolvers) {
        try {
          return resolver.resolve(accessKeyId, sessionToken, now);
        } catch (error) {
          if (error instanceof AwsError && error.type === 'UnrecognizedClientException') continue;
          throw error;
        }
      }
      throw unrecognizedClient();
    },
  };
}
