import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Checksum, SourceData } from '@smithy/types';

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/**
 * SHA-256 (or HMAC-SHA-256 with a secret) for @smithy/signature-v4, straight over node:crypto.
 * The signer hashes four to five small inputs per verified request; @smithy/hash-node's
 * general-purpose wrapper copies every input and key through several conversions first, which
 * showed up in the sandbox's profile. The digests are the same bytes.
 */
export class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }

  // Like @smithy/hash-node, an empty string secret means a plain hash.
  private create(): Hash | Hmac {
    return this.secret
      ? createHmac('sha256', typeof this.secret === 'string' ? this.secret : toBuffer(this.secret))
      : createHash('sha256');
  }

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }

  reset(): void {
    this.hash = this.create();
  }
}
