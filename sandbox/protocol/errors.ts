/**
 * Every exception the sandbox answers, by the name the SDKs map to classes, with the HTTP status
 * it goes out with. A name is answered only through a factory below, so this table is the whole
 * contract: the console's error catalogue is checked against it (contract/error-catalogue.test.ts).
 */
const EXCEPTION_STATUS = {
  // KMS
  AccessDeniedException: 400,
  AlreadyExistsException: 400,
  ConflictException: 400,
  CustomKeyStoreNotFoundException: 400,
  DisabledException: 400,
  DryRunOperationException: 400,
  ExpiredImportTokenException: 400,
  IncorrectKeyException: 400,
  IncorrectKeyMaterialException: 400,
  InvalidArnException: 400,
  InvalidCiphertextException: 400,
  InvalidGrantIdException: 400,
  InvalidGrantTokenException: 400,
  InvalidImportTokenException: 400,
  InvalidKeyUsageException: 400,
  InvalidMarkerException: 400,
  KMSInvalidMacException: 400,
  KMSInvalidSignatureException: 400,
  KMSInvalidStateException: 400,
  LimitExceededException: 400,
  MalformedPolicyDocumentException: 400,
  NotFoundException: 400,
  TagException: 400,
  UnsupportedOperationException: 400,
  // The AWS JSON protocol, for every JSON service
  SerializationException: 400,
  ValidationException: 400,
  UnknownOperationException: 400,
  RequestEntityTooLargeException: 413,
  KMSInternalException: 500,
  // SigV4 authentication
  ExpiredTokenException: 400,
  IncompleteSignatureException: 400,
  InvalidSignatureException: 400,
  MissingAuthenticationTokenException: 400,
  UnrecognizedClientException: 400,
  // Cognito user pools and identity pools
  InvalidIdentityPoolConfigurationException: 400,
  InvalidParameterException: 400,
  NotAuthorizedException: 400,
  ResourceNotFoundException: 400,
  TooManyRequestsException: 400,
  UnauthorizedException: 400,
  UnsupportedTokenTypeException: 400,
  // STS (query protocol)
  InvalidAction: 400,
  // CloudTrail LookupEvents
  InvalidEventCategoryException: 400,
  InvalidLookupAttributesException: 400,
  InvalidMaxResultsException: 400,
  InvalidNextTokenException: 400,
  InvalidTimeRangeException: 400,
} as const satisfies Record<string, number>;

export type ExceptionType = keyof typeof EXCEPTION_STATUS;

export const EXCEPTION_TYPES = Object.keys(EXCEPTION_STATUS) as ExceptionType[];

/**
 * An error the sandbox answers with, in AWS's shape: `{"__type": type, "message": message}`.
 * Made only by the factories below (ESLint refuses `new AwsError` anywhere else).
 */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly type: ExceptionType,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.status = EXCEPTION_STATUS[type];
  }
}

// KMS

export const accessDenied = (message: string) => new AwsError('AccessDeniedException', message);
export const alreadyExists = (message: string) => new AwsError('AlreadyExistsException', message);
export const conflict = (message: string) => new AwsError('ConflictException', message);
/** The sandbox has no custom key stores, so every id names one that doesn't exist. */
export const customKeyStoreNotFound = (customKeyStoreId: string) =>
  new AwsError(
    'CustomKeyStoreNotFoundException',
    `Custom key store ${customKeyStoreId} does not exist.`,
  );
export const disabled = (keyArn: string) =>
  new AwsError('DisabledException', `${keyArn} is disabled.`);
export const dryRunSucceeded = () =>
  new AwsError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
  );
export const expiredImportToken = (message: string) =>
  new AwsError('ExpiredImportTokenException', message);
export const incorrectKeyMaterial = (message: string) =>
  new AwsError('IncorrectKeyMaterialException', message);
export const invalidImportToken = (message: string) =>
  new AwsError('InvalidImportTokenException', message);
export const incorrectKey = () =>
  new AwsError(
    'IncorrectKeyException',
    'The key ID in the request does not identify a CMK that can perform this operation.',
  );
export const invalidArn = (message: string) => new AwsError('InvalidArnException', message);
/** KMS says nothing about why a ciphertext fails, so the default message is empty. */
export const invalidCiphertext = (message = '') =>
  new AwsError('InvalidCiphertextException', message);
export const invalidGrantId = (grantId: string) =>
  new AwsError('InvalidGrantIdException', `Invalid grantId '${grantId}'`);
export const invalidGrantToken = () =>
  new AwsError('InvalidGrantTokenException', 'The grant token is not valid.');
export const invalidKeyUsage = (message: string) =>
  new AwsError('InvalidKeyUsageException', message);
export const invalidMarker = () =>
  new AwsError('InvalidMarkerException', 'Marker is invalid or has expired.');
/** Like KMS, a MAC or signature that doesn't verify is answered without a message. */
export const invalidMac = () => new AwsError('KMSInvalidMacException', '');
export const invalidSignature = () => new AwsError('KMSInvalidSignatureException', '');
export const invalidState = (message: string) => new AwsError('KMSInvalidStateException', message);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);
export const malformedPolicy = (message: string) =>
  new AwsError('MalformedPolicyDocumentException', message);
export const notFound = (message: string) => new AwsError('NotFoundException', message);
export const tagException = (message: string) => new AwsError('TagException', message);
export const unsupportedOperation = (message: string) =>
  new AwsError('UnsupportedOperationException', message);

// The AWS JSON protocol

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

/** A member of the wrong JSON type, e.g. `wrongJsonType('KeyId', 'a string')`. */
export const wrongJsonType = (member: string, expected: string) =>
  new AwsError('SerializationException', `Value for '${member}' must be ${expected}.`);
export const notAJsonObject = () =>
  new AwsError('SerializationException', 'Start of structure or map found where not expected.');
export const notBase64 = (member: string) =>
  new AwsError(
    'SerializationException',
    `Could not deserialize '${member}': expected a base64-encoded string.`,
  );
export const unknownOperation = (message: string) =>
  new AwsError('UnknownOperationException', message);
export const requestTooLarge = (limitBytes: number) =>
  new AwsError(
    'RequestEntityTooLargeException',
    `Request body exceeds the sandbox limit of ${limitBytes} bytes.`,
  );
export const internalFailure = () =>
  new AwsError('KMSInternalException', 'The sandbox failed to process the request.');

// SigV4 authentication

export const expiredToken = () =>
  new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
export const incompleteSignature = (message: string) =>
  new AwsError('IncompleteSignatureException', message);
export const signatureInvalid = (message: string) =>
  new AwsError('InvalidSignatureException', message);
export const signatureMismatch = () =>
  signatureInvalid(
    'The request signature we calculated does not match the signature you provided. ' +
      'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
export const missingAuthenticationToken = () =>
  new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
export const unrecognizedClient = () =>
  new AwsError(
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
  );

// Cognito user pools and identity pools

export const invalidIdentityPoolConfiguration = () =>
  new AwsError(
    'InvalidIdentityPoolConfigurationException',
    'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  );
export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message);
export const notAuthorized = (message: string) => new AwsError('NotAuthorizedException', message);
export const resourceNotFound = (message: string) =>
  new AwsError('ResourceNotFoundException', message);
/** AWS's usual throttling wording; Cognito documents the exception, not its message. */
export const tooManyRequests = () => new AwsError('TooManyRequestsException', 'Rate exceeded');
export const unauthorized = (message: string) => new AwsError('UnauthorizedException', message);
export const unsupportedTokenType = (message: string) =>
  new AwsError('UnsupportedTokenTypeException', message);

// STS

export const invalidAction = (action: string, version: string) =>
  new AwsError('InvalidAction', `Could not find operation ${action} for version ${version}`);

// CloudTrail

export const invalidEventCategory = (message: string) =>
  new AwsError('InvalidEventCategoryException', message);
export const invalidLookupAttributes = (message: string) =>
  new AwsError('InvalidLookupAttributesException', message);
export const invalidMaxResults = (message: string) =>
  new AwsError('InvalidMaxResultsException', message);
export const invalidNextToken = () =>
  new AwsError(
    'InvalidNextTokenException',
    'The NextToken is not valid: it is malformed, or it came from a request with other parameters. Repeat the LookupAttributes, StartTime, EndTime and EventCategory of the call that returned it.',
  );
export const invalidTimeRange = (message: string) =>
  new AwsError('InvalidTimeRangeException', message);
