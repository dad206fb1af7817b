import { describeError, type ConsoleError } from './errors';
import { describeOperation, isKmsOperation, type Refinement } from './operations';

/*
 * What an exception means in one cryptographic operation. The generic entries live in
 * ERROR_CATALOGUE (errors.ts); this refines cause and fix with each operation's own hints
 * (operations.ts) and what the console knows about the request: "InvalidCiphertextException" on
 * Decrypt is almost always the encryption context, on Verify it is the signature.
 */

export interface CryptoErrorHints {
  /** The key that made this ciphertext, when the console knows it (a result of this session). */
  ciphertextKeyId?: string;
  /** Number of encryption context pairs sent (undefined: the operation takes none). */
  contextPairs?: number;
  /** The key the request named, as typed. */
  keyId?: string;
  /**
   * How the ciphertext field read what was typed: `text-but-base64` when it was read as text
   * (UTF-8) although the text is valid base64.
   */
  ciphertextRead?: 'text-but-base64' | 'text' | 'base64' | 'hex' | 'file';
}

function contextSentence(pairs: number | undefined, what = 'encryption context'): string {
  if (pairs === undefined) return '';
  return pairs === 0
    ? ` This request sent no ${what}: if one was given when encrypting, it must be given here too.`
    : ` This request sent ${pairs} ${what} pair${pairs === 1 ? '' : 's'}; all of them, and no others, must match.`;
}

function refine(name: string, operation: string, hints: CryptoErrorHints): Refinement {
  const errors = isKmsOperation(operation) ? describeOperation(operation).errors : undefined;
  const keyField = errors?.keyField ?? 'Key';
  if (name === 'InvalidCiphertextException' && errors?.decrypts) {
    const source = errors.decrypts.side;
    if (hints.ciphertextRead === 'text-but-base64') {
      return {
        title: 'The ciphertext was read as text, but it looks like base64',
        cause:
          'The Ciphertext field was read as Text (UTF-8), so each of its characters was sent as a byte of its own instead of the bytes the base64 encodes, and KMS could not read them as a ciphertext. The text is valid base64, as the AWS CLI prints a CiphertextBlob.',
        fix: 'Retry as Base64: the same text is read as base64 and sent again. If that fails too, check the encryption context used when encrypting.',
      };
    }
    // Base64 read as text is one cause only where the field was not read as base64 already.
    const readAsBytes = hints.ciphertextRead !== 'base64' && hints.ciphertextRead !== 'hex';
    return {
      title: `The ${source}encryption context differs, or the ciphertext was changed`,
      cause:
        `KMS authenticates the encryption context with the ciphertext: decrypting succeeds only with exactly the pairs given when encrypting (same keys, same values, same case; none missing, none extra). Otherwise the ciphertext bytes were changed or truncated, ${readAsBytes ? 'they are base64 text read as bytes, ' : ''}or the ciphertext comes from another endpoint or region. RSA ciphertext also needs its key and algorithm.` +
        contextSentence(hints.contextPairs, `${source}encryption context`),
      fix: `Enter the ${source}encryption context used when encrypting.${readAsBytes ? ' If you pasted base64, set the input format to Base64.' : ''} For RSA ciphertext, choose the key and the algorithm used.`,
    };
  }
  if (name === 'IncorrectKeyException') {
    const known = hints.ciphertextKeyId;
    return {
      cause: known
        ? `The ciphertext was encrypted under ${known}, not under ${hints.keyId ?? `the key in ${keyField}`}.`
        : `The ciphertext was encrypted under another key than ${hints.keyId ?? `the one in ${keyField}`}.`,
      fix: known
        ? `Set ${keyField} to ${known}, or clear it: symmetric ciphertext names its own key.`
        : `Clear ${keyField} (symmetric ciphertext names its own key), or choose the key that encrypted it.`,
    };
  }
  if (name === 'InvalidKeyUsageException' && errors?.keyUsage) return errors.keyUsage;
  return errors?.exceptions?.[name] ?? {};
}

/** The catalogue's explanation of an error, refined for the operation that met it. */
export function describeCryptoError(
  error: unknown,
  operation: string,
  hints: CryptoErrorHints = {},
): ConsoleError {
  const described = describeError(error);
  // The SDK fills in "UnknownError" when AWS sends an exception without a message, as KMS does
  // for InvalidCiphertextException: say that rather than suggest an unknown error.
  const message =
    described.message === 'UnknownError' && described.name !== 'UnknownError'
      ? '(KMS sent no message.)'
      : described.message;
  return { ...described, message, ...refine(described.name, operation, hints) };
}
