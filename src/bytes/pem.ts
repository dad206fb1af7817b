import { toBase64 } from '@smithy/util-base64';
import { decodeBase64, type Decoded } from './codecs';

/*
 * PEM (RFC 7468): DER in base64 between -----BEGIN <label>----- and -----END <label>----- lines,
 * what OpenSSL writes and what users copy public keys as.
 */

const PEM = /^\s*-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END ([A-Z0-9 ]+)-----\s*$/;

/** DER in PEM armour, 64 base64 characters a line as OpenSSL writes it. */
export function toPem(der: Uint8Array, label = 'PUBLIC KEY'): string {
  const base64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** True when the text is PEM armour (a whole PEM block, nothing else). */
export function isPem(text: string): boolean {
  return text.trimStart().startsWith('-----BEGIN ');
}

/** The DER inside PEM armour, with errors that say what is wrong with the armour or its body. */
export function fromPem(text: string): Decoded & { label?: string } {
  const match = PEM.exec(text);
  if (!match) {
    return {
      ok: false,
      error:
        'Invalid PEM: it must be one -----BEGIN …----- line, base64 lines, and the matching -----END …----- line.',
    };
  }
  const [, begin, body, end] = match;
  if (begin !== end) {
    return { ok: false, error: `Invalid PEM: it begins ${begin} but ends ${end}.` };
  }
  const decoded = decodeBase64(body ?? '');
  if (!decoded.ok)
    return { ok: false, error: decoded.error.replace('Invalid base64', 'Invalid PEM body') };
  return { ...decoded, label: begin };
}

const ascii = new TextDecoder('utf-8');

/**
 * A public key as the user gave it, as the DER SubjectPublicKeyInfo KMS takes: PEM text (or a
 * .pem file's bytes) is unwrapped; anything else is taken to be DER already.
 */
export function publicKeyDer(bytes: Uint8Array): Decoded {
  const prefix = ascii.decode(bytes.subarray(0, 16));
  if (!isPem(prefix)) return { ok: true, bytes };
  const pem = fromPem(ascii.decode(bytes));
  if (!pem.ok) return pem;
  if (pem.label !== 'PUBLIC KEY') {
    return {
      ok: false,
      error: `This is a PEM ${pem.label}, not a PUBLIC KEY: give the other party's public key (-----BEGIN PUBLIC KEY-----).`,
    };
  }
  return { ok: true, bytes: pem.bytes };
}
