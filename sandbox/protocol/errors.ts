/**
 * An error the sandbox answers with, in AWS's shape: `{"__type": type, "message": message}`.
 * `type` is the exception name the SDKs map to classes (NotFoundException, …).
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const notFound = (message: string) => new AwsError('NotFoundException', message);
export const invalidArn = (message: string) => new AwsError('InvalidArnException', message);
export const disabled = (keyArn: string) =>
  new AwsError('DisabledException', `${keyArn} is disabled.`);
export const invalidState = (message: string) => new AwsError('KMSInvalidStateException', message);
export const invalidKeyUsage = (message: string) =>
  new AwsError('InvalidKeyUsageException', message);
export const invalidCiphertext = (message = '') =>
  new AwsError('InvalidCiphertextException', message);
export const unsupportedOperation = (message: string) =>
  new AwsError('UnsupportedOperationException', message);
export const alreadyExists = (message: string) => new AwsError('AlreadyExistsException', message);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);
export const dryRunSucceeded = () =>
  new AwsError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
  );

/** One failed constraint, described the way AWS's request validation words it. */
export interface ConstraintViolation {
  /** Serialized value, e.g. `'abc'` or `null`; undefined for sensitive members AWS never echoes. */
  value?: string;
  /** Member path in lowerCamelCase, as AWS prints it, e.g. `keyId`. */
  path: string;
  constraint: string;
}

export function validationError(violations: ConstraintViolation[]): AwsError {
  const count = violations.length;
  const details = violations
    .map(
      (v) =>
        `Value${v.value === undefined ? '' : ` ${v.value}`} at '${v.path}' failed to satisfy constraint: ${v.constraint}`,
    )
    .join('; ');
  return new AwsError(
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${details}`,
  );
}

export const validationMessage = (message: string) => new AwsError('ValidationException', message);
