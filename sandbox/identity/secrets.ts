import { hkdfSync, randomBytes } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import type { Store } from '../store/store';

const SIGNING_KEY_META = 'identity.user-pool-signing-key';
const ROOT_SECRET_META = 'identity.root-secret';

/** Members of an RSA JWK that only the private half has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export interface TokenSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as the JWKS publishes it. */
  publicJwk: JWK;
}

/**
 * The identity side's secrets, kept in the store's meta table so that a restarted sandbox (with
 * a state directory) still accepts the tokens and temporary credentials it issued before.
 */
export interface IdentitySecrets {
  signingKey: TokenSigningKey;
  /** A 256-bit key for one purpose (session tokens, refresh tokens), derived from the root secret. */
  derive(purpose: string): Buffer;
}

export async function loadIdentitySecrets(store: Store): Promise<IdentitySecrets> {
  let root = store.meta.get(ROOT_SECRET_META);
  if (!root) {
    root = randomBytes(32);
    store.meta.set(ROOT_SECRET_META, root);
  }
  const rootSecret = root;

  let privateJwk: JWK;
  const stored = store.meta.get(SIGNING_KEY_META);
  if (stored) {
    privateJwk = JSON.parse(stored.toString('utf8')) as JWK;
  } else {
    const pair = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
    store.meta.set(SIGNING_KEY_META, JSON.stringify(privateJwk));
  }
  const publicMembers: JWK = { ...privateJwk };
  for (const member of PRIVATE_MEMBERS) delete publicMembers[member];
  const kid = await calculateJwkThumbprint(publicMembers, 'sha256');
  const publicJwk: JWK = {
    alg: 'RS256',
    e: publicMembers.e,
    kid,
    kty: 'RSA',
    n: publicMembers.n,
    use: 'sig',
  };

  return {
    signingKey: {
      kid,
      privateKey: await importJWK<JWK & { kty: 'RSA' }>({ ...privateJwk, kty: 'RSA' }, 'RS256'),
      publicKey: await importJWK<JWK & { kty: 'RSA' }>({ ...publicJwk, kty: 'RSA' }, 'RS256'),
      publicJwk,
    },
    derive: (purpose) =>
      Buffer.from(hkdfSync('sha256', rootSecret, Buffer.alloc(0), `kms-sandbox/${purpose}`, 32)),
  };
}
