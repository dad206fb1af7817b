import {
  byteInputOf,
  EMPTY_BINARY_INPUT,
  type ByteInputValue,
} from '../../../../bytes/byte-input-model';
import { decodeBase64 } from '../../../../bytes/codecs';
import { readHandoff } from '../../model/handoff';

/** The Ciphertext field's first value: what another page handed over, shown as base64. */
export function initialCiphertext(historyState: unknown): ByteInputValue {
  const { ciphertext } = readHandoff(historyState);
  if (!ciphertext) return EMPTY_BINARY_INPUT;
  const decoded = decodeBase64(ciphertext);
  return decoded.ok ? byteInputOf(decoded.bytes, 'base64') : EMPTY_BINARY_INPUT;
}
