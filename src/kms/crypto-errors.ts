import { describeError, type CatalogueEntry, type ConsoleError } from './errors';

/*
 * What an exception means in one cryptographic operation. The generic entries live in
 * ERROR_CATALOGUE (errors.ts); this refines cause and fix with what the console knows about the
 * request: "InvalidCiphertextException" on Decrypt is almost always the encryption context, on
 * Verify it is the signature.
 */

export interface CryptoErrorHints {
  /** The key that made this ciphertext, when the console knows it (a result of this session). */
  ciphertextKeyId?: string;
  /** Number of encryption context pairs sent (undefined: the operation takes none). */
  contextPairs?: number;
  /** The key the request named, as typed. */
  keyId?: string;
}

type Refinement = Partial<CatalogueEntry>;

function contextSentence(pairs: number | undefined, what = 'encryption context'): string {
  if (pairs === undefined) return '';
  return pairs === 0
    ? ` This request sent no ${what}: if one was given when encrypting, it must be given here too.`
    : ` This request sent ${pairs} ${what} pair${pairs === 1 ? '' : 's'}; all of them, and no others, must match.`;
}

const USAGE: Record<string, Refinement> = {
  Encrypt: {
    cause:
      'Encrypt needs a key whose usage is ENCRYPT_DECRYPT (symmetric or RSA), and an algorithm that key supports. Signing, HMAC and key agreement keys cannot encrypt.',
    fix: 'Choose an encryption key, such as alias/demo-app, and one of its algorithms.',
  },
  Decrypt: {
    cause:
      'Decrypt needs the ENCRYPT_DECRYPT key that encrypted the ciphertext, with an algorithm that key supports.',
    fix: 'Choose the key that encrypted the ciphertext and its algorithm.',
  },
  ReEncrypt: {
    cause:
      'Both the source and the destination key must have usage ENCRYPT_DECRYPT, and each algorithm must be one its key supports.',
    fix: 'Choose encryption keys for both sides.',
  },
  GenerateDataKey: {
    cause:
      'Data keys are generated and encrypted under a symmetric encryption key (SYMMETRIC_DEFAULT).',
    fix: 'Choose a symmetric encryption key, such as alias/demo-app.',
  },
  Sign: {
    cause:
      'Sign needs an asymmetric key whose usage is SIGN_VERIFY, with one of its signing algorithms.',
    fix: 'Choose a signing key, such as alias/demo-sign.',
  },
  GenerateMac: {
    cause: 'MACs need an HMAC key (usage GENERATE_VERIFY_MAC) and a MAC algorithm of its key spec.',
    fix: 'Choose an HMAC key, such as alias/demo-hmac, and its MAC algorithm.',
  },
};
USAGE.GenerateDataKeyWithoutPlaintext = USAGE.GenerateDataKey;
USAGE.GenerateDataKeyPair = USAGE.GenerateDataKey;
USAGE.GenerateDataKeyPairWithoutPlaintext = USAGE.GenerateDataKey;
USAGE.Verify = USAGE.Sign;
USAGE.VerifyMac = USAGE.GenerateMac;

function refine(name: string, operation: string, hints: CryptoErrorHints): Refinement {
  const source = operation === 'ReEncrypt' ? 'source ' : '';
  const keyField = operation === 'ReEncrypt' ? 'Source key' : 'Key';
  if (
    name === 'InvalidCiphertextException' &&
    (operation === 'Decrypt' || operation === 'ReEncrypt')
  ) {
    return {
      title: `The ${source}encryption context differs, or the ciphertext was changed`,
      cause:
        `KMS authenticates the encryption context with the ciphertext: decrypting succeeds only with exactly the pairs given when encrypting (same keys, same values, same case; none missing, none extra). Otherwise the ciphertext bytes were changed or truncated, they are base64 text read as bytes, or the ciphertext comes from another endpoint or region. RSA ciphertext also needs its key and algorithm.` +
        contextSentence(hints.contextPairs, `${source}encryption context`),
      fix: `Enter the ${source}encryption context used when encrypting. If you pasted base64, set the input format to Base64. For RSA ciphertext, choose the key and the algorithm used.`,
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
  if (name === 'InvalidKeyUsageException' && USAGE[operation]) return USAGE[operation];
  if (name === 'KMSInvalidSignatureException') {
    return {
      cause:
        'The signature does not verify: the message, the message type (RAW or DIGEST), the signing algorithm or the key differ from those used to sign, or the signature was changed.',
    };
  }
  if (name === 'KMSInvalidMacException') {
    return {
      cause:
        'The MAC does not verify: the message, the MAC algorithm or the HMAC key differ from those used to generate it, or the MAC was changed.',
    };
  }
  return {};
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
