import { toBase64 } from '@smithy/util-base64';

/** PEM armour for a DER SubjectPublicKeyInfo (what GetPublicKey returns), 64 columns as OpenSSL writes it. */
export function publicKeyPem(der: Uint8Array): string {
  const base64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** File name for a downloaded public key: the alias (without "alias/") or the key id. */
export function publicKeyFileName(name: string, extension: 'pem' | 'der'): string {
  const base = name.replace(/^alias\//, '').replace(/[^\w.-]+/g, '_') || 'public-key';
  return `${base}.${extension}`;
}

/** Starts a browser download of bytes or text (no server round trip). */
export function download(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
