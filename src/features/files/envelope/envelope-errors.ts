/**
 * Names of the failures this feature reports itself. Each is an entry of the console's error
 * catalogue (src/kms/errors.ts), so ErrorAlert shows its cause and fix like any AWS exception.
 */
export type EnvelopeErrorName =
  | 'FileTooLarge'
  | 'NotAnEncryptedMessage'
  | 'TruncatedMessage'
  | 'DamagedMessage'
  | 'EncryptionContextMismatch'
  | 'InvalidEncryptionContext'
  | 'NoUsableDataKey'
  | 'DataKeyDecryptFailed'
  | 'UncommittedMessage'
  | 'TooManyDataKeys';

export class EnvelopeError extends Error {
  override readonly name: EnvelopeErrorName;
  /** For DataKeyDecryptFailed: what KMS answered (AccessDenied, …), shown with its own details. */
  readonly kmsError?: unknown;

  constructor(name: EnvelopeErrorName, message: string, options: { kmsError?: unknown } = {}) {
    super(message);
    this.name = name;
    this.kmsError = options.kmsError;
  }
}

export function isEnvelopeError(error: unknown): error is EnvelopeError {
  return error instanceof EnvelopeError;
}

/** What cancelling a job throws; never shown as a failure. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function abortError(): DOMException {
  return new DOMException('The operation was cancelled.', 'AbortError');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns what the SDK throws while decrypting into one of the feature's errors. The SDK reports
 * everything as a plain Error with a sentence, so the sentence is what tells them apart; KMS
 * failures are taken from the adapter's record instead of the SDK's concatenated stack traces.
 */
export function classifyDecryptError(error: unknown, kmsErrors: readonly unknown[]): unknown {
  if (isAbort(error) || isEnvelopeError(error)) return error;
  const message = messageOf(error);
  if (/Unable to decrypt data key/i.test(message) || kmsErrors.length > 0) {
    if (kmsErrors.length > 0) {
      return new EnvelopeError(
        'DataKeyDecryptFailed',
        'No KMS key you chose decrypted its copy of the data key.',
        { kmsError: kmsErrors[kmsErrors.length - 1] },
      );
    }
    return new EnvelopeError('NoUsableDataKey', message);
  }
  if (/Configuration conflict|Non committing algorithm suite/i.test(message)) {
    return new EnvelopeError('UncommittedMessage', message);
  }
  if (/maxEncryptedDataKeys exceeded/i.test(message)) {
    return new EnvelopeError('TooManyDataKeys', message);
  }
  // WebCrypto's AES-GCM reports a failed tag as an OperationError without a message.
  if (error instanceof Error && error.name === 'OperationError') {
    return new EnvelopeError(
      'DamagedMessage',
      'A frame or the header failed AES-GCM authentication.',
    );
  }
  if (/Invalid Signature/i.test(message)) {
    return new EnvelopeError('DamagedMessage', 'The message signature does not verify.');
  }
  if (/Commitment does not match/i.test(message)) {
    return new EnvelopeError(
      'DamagedMessage',
      'The key commitment in the header does not match the data key.',
    );
  }
  if (/Format Error|Malformed|parse Header|out of order|out of bounds|sequence/i.test(message)) {
    return new EnvelopeError('DamagedMessage', message);
  }
  return error;
}
