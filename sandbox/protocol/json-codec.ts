import { fromBase64, toBase64 } from '@smithy/util-base64';
import { notAJsonObject, notBase64 } from './errors';

/**
 * Top-level request members that the KMS model types as `blob`: on the wire they are base64
 * strings; handlers receive them as bytes, exactly like the SDK's own input types.
 */
const BLOB_MEMBERS = new Set([
  'Plaintext',
  'CiphertextBlob',
  'Message',
  'Signature',
  'Mac',
  'PublicKey',
  'EncryptedKeyMaterial',
  'ImportToken',
]);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type JsonObject = Record<string, unknown>;

/** Parses an AWS JSON 1.1 request body; an empty body is an empty input, as AWS treats it. */
export function decodeJsonRequest(body: Buffer): JsonObject {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw notAJsonObject();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw notAJsonObject();
  }
  const input = parsed as JsonObject;
  for (const name of BLOB_MEMBERS) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) {
      throw notBase64(name);
    }
    input[name] = fromBase64(value);
  }
  return input;
}

/**
 * Converts a handler's output to plain JSON values: bytes become base64, dates become epoch
 * seconds, undefined and `$metadata` are dropped. A separate walk (rather than a
 * JSON.stringify replacer) keeps stringify on V8's fast path and never expands a Buffer into
 * its `toJSON` array of numbers only to throw it away.
 */
function toWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return toBase64(value);
  if (Array.isArray(value)) return value.map(toWire);
  // Anything else that serializes itself (has toJSON) is left for JSON.stringify to call.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const wire: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || key === '$metadata') continue;
    wire[key] = toWire(member);
  }
  return wire;
}

/** Encodes a handler's output as an AWS JSON 1.1 response body. */
export function encodeJsonResponse(output: unknown): string {
  return JSON.stringify(toWire(output));
}
