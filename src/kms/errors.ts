import { parseAccessDenied, type ParsedAccessDenied } from '../policy/access-denied';
import { NonAwsAnswerError, UnreadableAnswerError } from './endpoint-answers';

/**
 * The error catalogue: every exception the console may meet (KMS, Cognito, STS, the network)
 * turned into what happened and what to do, in AWS's words. Pages never show a raw SDK error
 * alone. Later features add their operations' exceptions here.
 */
export interface CatalogueEntry {
  /** Short headline, e.g. "The key is disabled". */
  title: string;
  /** Why AWS answers this. */
  cause: string;
  /** What to do about it. */
  fix: string;
}

export type ErrorKind =
  | 'access-denied'
  | 'sign-in'
  | 'network'
  | 'clock-skew'
  | 'expired'
  | 'throttling'
  | 'validation'
  | 'not-found'
  | 'state'
  | 'service'
  /** The endpoint (an emulator) answered in a way that says it may not implement the operation. */
  | 'unsupported';

export interface ConsoleError extends CatalogueEntry {
  kind: ErrorKind;
  /** The exception name as AWS sends it (`__type`), or the JavaScript error name. */
  name: string;
  /** AWS's own message, shown verbatim. */
  message: string;
  requestId?: string;
  httpStatus?: number;
  accessDenied?: ParsedAccessDenied;
}

type Entry = CatalogueEntry & { kind: ErrorKind };

const INCOMPLETE_SIGNATURE: Entry = {
  kind: 'sign-in',
  title: 'The signature is incomplete',
  cause: 'The request lacks part of its SigV4 signature.',
  fix: 'Sign in again.',
};

const NOT_SIGNED: Entry = {
  kind: 'sign-in',
  title: 'Not signed',
  cause: 'The request carried no credentials.',
  fix: 'Sign in again.',
};

export const ERROR_CATALOGUE: Record<string, Entry> = {
  AccessDeniedException: {
    kind: 'access-denied',
    title: 'Access denied',
    cause:
      'No policy allows this action for your principal on this key, or one explicitly denies it.',
    fix: 'Ask an administrator to allow the action in the key policy or your IAM policy, or use a key you may use.',
  },
  NotFoundException: {
    kind: 'not-found',
    title: 'Key or alias not found',
    cause:
      'No key or alias with that name exists in this account and region (keys of other accounts are found only by ARN).',
    fix: 'Check the key ID, key ARN, alias name or alias ARN, and the region.',
  },
  DisabledException: {
    kind: 'state',
    title: 'The key is disabled',
    cause: 'A disabled key cannot be used in cryptographic operations.',
    fix: 'Enable the key (Key actions → Enable) or choose another key.',
  },
  KMSInvalidStateException: {
    kind: 'state',
    title: 'The key is not in a state that allows this',
    cause:
      'The key is pending deletion, pending import, unavailable, or otherwise in a state this operation does not accept.',
    fix: 'Check the key status; cancel a scheduled deletion to use the key again.',
  },
  InvalidKeyUsageException: {
    kind: 'state',
    title: 'The key cannot do that',
    cause:
      'The key usage (ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC) or key spec does not allow this operation.',
    fix: 'Use a key whose usage matches the operation.',
  },
  ValidationException: {
    kind: 'validation',
    title: 'The request is not valid',
    cause: 'A parameter is missing, too long, or does not match the format KMS expects.',
    fix: 'Correct the value named in the message.',
  },
  AlreadyExistsException: {
    kind: 'validation',
    title: 'It already exists',
    cause: 'An alias with that name already exists in this account and region.',
    fix: 'Choose another alias name, or update the existing alias to point at this key.',
  },
  InvalidAliasNameException: {
    kind: 'validation',
    title: 'Invalid alias name',
    cause:
      'Alias names start with alias/, use letters, digits, /_- only, and may not start with alias/aws/.',
    fix: 'Use a name such as alias/my-key.',
  },
  InvalidArnException: {
    kind: 'validation',
    title: 'Invalid ARN',
    cause: 'The ARN is not a valid KMS key or alias ARN.',
    fix: 'Use arn:aws:kms:<region>:<account>:key/<key id> or …:alias/<name>.',
  },
  MalformedPolicyDocumentException: {
    kind: 'validation',
    title: 'The key policy is not valid',
    cause:
      'The policy is not valid JSON, uses unknown elements, or would lock everyone out of the key (the lockout safety check).',
    fix: 'Fix the statement named in the message; keep a statement that lets the account root or an admin manage the key.',
  },
  TagException: {
    kind: 'validation',
    title: 'Invalid tag',
    cause: 'Tag keys are 1–128 characters, values up to 256, and keys may not start with aws:.',
    fix: 'Correct the tag.',
  },
  LimitExceededException: {
    kind: 'throttling',
    title: 'A KMS quota was reached',
    cause:
      'The account reached a resource quota (keys, aliases, grants per key) or a request rate limit.',
    fix: 'Delete unused resources or wait and try again; quotas can be raised in Service Quotas.',
  },
  ThrottlingException: {
    kind: 'throttling',
    title: 'KMS is throttling requests',
    cause: 'Requests exceeded the KMS request rate quota for this account and region.',
    fix: 'The console already retried with backoff; wait a moment and try again.',
  },
  InvalidMarkerException: {
    kind: 'validation',
    title: 'The list changed while paging',
    cause: 'The pagination marker is invalid or expired.',
    fix: 'Refresh the list.',
  },
  InvalidGrantIdException: {
    kind: 'not-found',
    title: 'Grant not found',
    cause: 'No grant with that ID exists on this key.',
    fix: 'Refresh the grants list.',
  },
  UnsupportedOperationException: {
    kind: 'state',
    title: 'Not supported for this key',
    cause:
      'This key type or origin does not support the operation (e.g. rotation of asymmetric keys).',
    fix: 'Use a symmetric encryption key with AWS_KMS origin for rotation.',
  },
  DryRunOperationException: {
    kind: 'service',
    title: 'The request would have succeeded',
    cause: 'The DryRun option was set, so KMS checked the request and changed nothing.',
    fix: 'Run the request without DryRun to perform it.',
  },
  DependencyTimeoutException: {
    kind: 'service',
    title: 'KMS timed out',
    cause: 'A service KMS depends on did not answer in time.',
    fix: 'Try again.',
  },
  KMSInternalException: {
    kind: 'service',
    title: 'KMS failed internally',
    cause: 'The endpoint had an internal error.',
    fix: 'Try again; if it persists, note the request ID.',
  },
  UnknownOperationException: {
    kind: 'service',
    title: 'This endpoint does not implement the operation',
    cause:
      'The endpoint does not know this operation: emulators such as the sandbox, LocalStack and moto implement only part of KMS.',
    fix: 'Use an endpoint that implements it (AWS KMS does); the rest of the console keeps working here.',
  },
  SerializationException: {
    kind: 'validation',
    title: 'The endpoint could not read the request',
    cause:
      'A parameter has the wrong JSON type (for example a number where text belongs), or the body is not a JSON object.',
    fix: 'Correct the parameter named in the message.',
  },
  RequestEntityTooLargeException: {
    kind: 'validation',
    title: 'The request is too large',
    cause:
      'The request body is larger than the endpoint accepts (the sandbox accepts up to 1 MiB).',
    fix: 'Send less in one request: KMS encrypts at most 4 KiB directly; encrypt larger data under a data key (Files).',
  },
  ConflictException: {
    kind: 'state',
    title: 'Another change to the key is under way',
    cause:
      'KMS cannot do this now because a conflicting operation on the key is in progress, for example an automatic rotation that runs or begins within the next 20 minutes.',
    fix: 'Wait until the other operation has finished, then try again.',
  },
  CustomKeyStoreNotFoundException: {
    kind: 'not-found',
    title: 'Custom key store not found',
    cause: 'No custom key store with that ID exists in this account and region.',
    fix: 'Check the custom key store ID, or leave it out to use the default key store.',
  },
  UnrecognizedClientException: {
    kind: 'sign-in',
    title: 'Unknown access key',
    cause:
      'The endpoint does not recognize the access key ID (or the session token belongs to another endpoint).',
    fix: 'Check the access key ID and endpoint; the sandbox only knows its scenario users.',
  },
  InvalidClientTokenId: {
    kind: 'sign-in',
    title: 'Unknown access key',
    cause: 'STS does not recognize the access key ID.',
    fix: 'Check the access key ID and endpoint.',
  },
  InvalidSignatureException: {
    kind: 'sign-in',
    title: 'The signature does not match',
    cause:
      'The request was signed with a secret access key that does not belong to the access key ID.',
    fix: 'Check the secret access key (and session token).',
  },
  SignatureDoesNotMatch: {
    kind: 'sign-in',
    title: 'The signature does not match',
    cause:
      'The request was signed with a secret access key that does not belong to the access key ID.',
    fix: 'Check the secret access key (and session token).',
  },
  // The JSON services and STS's query protocol name the same failures differently.
  IncompleteSignatureException: INCOMPLETE_SIGNATURE,
  IncompleteSignature: INCOMPLETE_SIGNATURE,
  MissingAuthenticationTokenException: NOT_SIGNED,
  MissingAuthenticationToken: NOT_SIGNED,
  InternalFailure: {
    kind: 'service',
    title: 'STS failed internally',
    cause: 'The endpoint had an internal error.',
    fix: 'Try again; if it persists, note the request ID.',
  },
  InvalidAction: {
    kind: 'service',
    title: 'This endpoint does not implement the action',
    cause:
      'STS at this endpoint does not know this action or API version: emulators such as the sandbox implement only part of STS.',
    fix: 'Use an endpoint that implements it (AWS STS does).',
  },
  ExpiredTokenException: {
    kind: 'expired',
    title: 'Your credentials expired',
    cause: 'The temporary credentials (session token) passed their expiration time.',
    fix: 'Sign in again; the console renews Cognito credentials by itself when it can.',
  },
  ExpiredToken: {
    kind: 'expired',
    title: 'Your credentials expired',
    cause: 'The temporary credentials (session token) passed their expiration time.',
    fix: 'Sign in again.',
  },
  SessionExpiredError: {
    kind: 'expired',
    title: 'Your session ended',
    cause: 'The temporary credentials expired and could not be renewed.',
    fix: 'Sign in again; the page keeps what you were doing.',
  },
  RequestTimeTooSkewed: {
    kind: 'clock-skew',
    title: "Your computer's clock is off",
    cause: 'AWS refuses signatures more than 5 minutes away from its own time.',
    fix: "Set this computer's clock to the correct time (enable automatic time), then sign in again.",
  },
  // Cryptographic operations; src/kms/crypto-errors.ts refines them per operation.
  InvalidImportTokenException: {
    kind: 'validation',
    title: 'The import token is not valid for this key',
    cause:
      'The import token was not issued for this key by GetParametersForImport, or it was already used for an import (each public key and import token set imports once).',
    fix: 'Download a new wrapping public key and import token for this key, wrap the key material with that public key, and import again.',
  },
  ExpiredImportTokenException: {
    kind: 'expired',
    title: 'The import token has expired',
    cause: 'A wrapping public key and import token set is valid for 24 hours.',
    fix: 'Download a new wrapping public key and import token, wrap the key material with the new public key, and import again.',
  },
  IncorrectKeyMaterialException: {
    kind: 'validation',
    title: 'The key material does not fit this key',
    cause:
      'The imported key material is not valid for the key spec, is not the key material previously imported into this key, or is new key material that the key already has.',
    fix: 'Import key material of the key’s spec: the same material as before to restore it, or different material with ImportType NEW_KEY_MATERIAL to rotate.',
  },
  InvalidCiphertextException: {
    kind: 'validation',
    title: 'The ciphertext could not be decrypted',
    cause:
      'The ciphertext, its encryption context or its algorithm do not match what it was made with: the context differs, the bytes were changed or truncated, or they are not a KMS ciphertext.',
    fix: 'Use exactly the encryption context given when it was encrypted, and the ciphertext bytes unchanged.',
  },
  IncorrectKeyException: {
    kind: 'validation',
    title: 'The ciphertext was made under another key',
    cause: 'The key named in the request is not the key that encrypted this ciphertext.',
    fix: 'Name the key that encrypted it, or leave the key out for symmetric ciphertext (it names its key).',
  },
  InvalidGrantTokenException: {
    kind: 'validation',
    title: 'Invalid grant token',
    cause: 'A grant token is malformed, expired, or was not issued for this key.',
    fix: 'Remove the grant token, or use the token CreateGrant returned for this key.',
  },
  KMSInvalidSignatureException: {
    kind: 'validation',
    title: 'The signature is not valid',
    cause: 'The signature does not match the message with this key and signing algorithm.',
    fix: 'Check the message, the message type (RAW or DIGEST), the signing algorithm and the key.',
  },
  KMSInvalidMacException: {
    kind: 'validation',
    title: 'The MAC is not valid',
    cause: 'The MAC does not match the message with this HMAC key and MAC algorithm.',
    fix: 'Check the message, the MAC algorithm and the key.',
  },
  KeyUnavailableException: {
    kind: 'service',
    title: 'The key is unavailable',
    cause:
      'The key material is not available right now (for example its custom key store is disconnected).',
    fix: 'Try again later, or check the custom key store.',
  },
  // Envelope encryption of files, AWS Encryption SDK message format (src/features/files).
  FileTooLarge: {
    kind: 'validation',
    title: 'The file is too large for the browser',
    cause: "The console encrypts and decrypts a file in the browser's memory, up to 256 MiB.",
    fix: 'Use the AWS Encryption CLI or an AWS Encryption SDK for larger files: they stream, and read the same format.',
  },
  NotAnEncryptedMessage: {
    kind: 'validation',
    title: 'Not an encrypted file',
    cause: 'The file does not start with an AWS Encryption SDK message header.',
    fix: 'Choose a file written by this console, the AWS Encryption CLI or an AWS Encryption SDK.',
  },
  TruncatedMessage: {
    kind: 'validation',
    title: 'The file is truncated',
    cause:
      'The message ends before its last frame or its signature: the file was cut short, for example by an interrupted download or copy.',
    fix: 'Get the complete file again. Nothing was decrypted and KMS was not called.',
  },
  DamagedMessage: {
    kind: 'validation',
    title: 'The file is damaged',
    cause:
      'Part of the message failed authentication (AES-GCM tag, key commitment or signature): its bytes changed after it was encrypted.',
    fix: 'Get an intact copy of the file. Nothing was decrypted: no partial file is produced.',
  },
  EncryptionContextMismatch: {
    kind: 'validation',
    title: 'The encryption context does not match',
    cause: 'The message was encrypted with another encryption context than the pairs you require.',
    fix: 'Compare the pairs with the message header shown above; KMS was not called.',
  },
  NoUsableDataKey: {
    kind: 'validation',
    title: 'None of the chosen keys encrypted this file',
    cause: 'The message has no copy of its data key encrypted under the KMS keys you chose.',
    fix: 'Choose one of the keys the message header lists.',
  },
  DataKeyDecryptFailed: {
    kind: 'access-denied',
    title: 'KMS did not decrypt the data key',
    cause: 'Every KMS key you chose refused or failed to decrypt its copy of the data key.',
    fix: 'Use a key you may decrypt with (kms:Decrypt), or ask for that permission.',
  },
  UncommittedMessage: {
    kind: 'validation',
    title: 'The file uses an algorithm suite without key commitment',
    cause:
      'It was written by an AWS Encryption SDK before version 2.0, or with a non-committing suite; the console only reads messages with key commitment (commitment policy REQUIRE_ENCRYPT_REQUIRE_DECRYPT).',
    fix: 'Decrypt it with an AWS Encryption SDK configured with REQUIRE_ENCRYPT_ALLOW_DECRYPT, then encrypt it again.',
  },
  TooManyDataKeys: {
    kind: 'validation',
    title: 'The file has too many encrypted data keys',
    cause:
      'The console reads messages with at most 10 encrypted data keys (maxEncryptedDataKeys), so a hostile file cannot make it call KMS many times.',
    fix: 'Ask the sender to encrypt under fewer KMS keys.',
  },
  // Cognito user pools and identity pools.
  NotAuthorizedException: {
    kind: 'sign-in',
    title: 'Sign-in refused',
    cause: 'Cognito refused the sign-in.',
    fix: 'Check the username and password.',
  },
  TooManyRequestsException: {
    kind: 'throttling',
    title: 'Cognito is throttling requests',
    cause: 'Requests exceeded the Cognito request rate quota (guest sign-ins are limited most).',
    fix: 'Wait a moment and try again.',
  },
  UnauthorizedException: {
    kind: 'sign-in',
    title: 'The token was refused',
    cause: 'The user pool did not accept the token for this app client.',
    fix: 'Sign in again.',
  },
  UnsupportedTokenTypeException: {
    kind: 'sign-in',
    title: 'Not a token this operation takes',
    cause: 'Only refresh tokens can be revoked.',
    fix: 'Pass the refresh token from the sign-in.',
  },
  UserNotFoundException: {
    kind: 'sign-in',
    title: 'Incorrect username or password',
    cause: 'The user pool has no such user.',
    fix: 'Check the username.',
  },
  PasswordResetRequiredException: {
    kind: 'sign-in',
    title: 'Password reset required',
    cause: 'An administrator requires this user to reset the password.',
    fix: 'Reset the password through your application, then sign in.',
  },
  UserNotConfirmedException: {
    kind: 'sign-in',
    title: 'User not confirmed',
    cause: 'The user signed up but has not confirmed the account.',
    fix: 'Confirm the account, then sign in.',
  },
  ResourceNotFoundException: {
    kind: 'sign-in',
    title: 'Pool not found',
    cause: 'Cognito has no identity pool, user pool or app client with that ID in this region.',
    fix: 'Check the identity pool ID, user pool ID, app client ID and region.',
  },
  InvalidParameterException: {
    kind: 'sign-in',
    title: 'Cognito rejected the request',
    cause: 'A parameter is invalid or the app client does not allow this sign-in flow.',
    fix: 'Enable ALLOW_USER_PASSWORD_AUTH on the app client, and check the IDs.',
  },
  InvalidIdentityPoolConfigurationException: {
    kind: 'sign-in',
    title: 'The identity pool is misconfigured',
    cause: 'The identity pool has no IAM role for this kind of identity, or cannot assume it.',
    fix: 'Assign authenticated and guest roles to the identity pool.',
  },
  UserPoolChallengeError: {
    kind: 'sign-in',
    title: 'Sign-in needs another step',
    cause:
      'The user pool asked for a challenge (MFA or a new password) the console does not handle.',
    fix: 'Complete the challenge in your application, or use a user without it.',
  },
  // CloudTrail LookupEvents (the event history)
  InvalidLookupAttributesException: {
    kind: 'validation',
    title: 'The event filter is not valid',
    cause:
      'CloudTrail looks events up by one attribute at a time (EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource or AccessKeyId), with a value of 1 to 2000 characters.',
    fix: 'Filter on one attribute and narrow the rest in the results.',
  },
  InvalidMaxResultsException: {
    kind: 'validation',
    title: 'Page size out of range',
    cause: 'CloudTrail returns 1 to 50 events per page.',
    fix: 'Ask for at most 50 events per page.',
  },
  InvalidNextTokenException: {
    kind: 'validation',
    title: 'The event list cannot continue',
    cause: 'The paging token is malformed, or it belongs to a lookup with other filters or times.',
    fix: 'Start the lookup again from the first page.',
  },
  InvalidTimeRangeException: {
    kind: 'validation',
    title: 'The time range is not valid',
    cause: 'The start time is after the end time.',
    fix: 'Choose a start time at or before the end time.',
  },
  InvalidEventCategoryException: {
    kind: 'validation',
    title: 'Unknown event category',
    cause: 'The only event category LookupEvents takes is insight (CloudTrail Insights events).',
    fix: 'Leave the event category out to look up management events such as KMS calls.',
  },
  EndpointBlockedByContentSecurityPolicy: {
    kind: 'network',
    title: 'This page may not connect to the endpoint',
    cause:
      "The Content-Security-Policy this console was served with does not list the endpoint's origin under connect-src, so the browser sent nothing.",
    fix: 'If the sandbox serves this console, restart it with --connect-src and that origin (AWS endpoints and http://localhost or http://127.0.0.1 on any port are always allowed). If your web server serves it, add the origin to connect-src in the CSP it sends.',
  },
  ConfigError: {
    kind: 'validation',
    title: 'Invalid setting',
    cause: 'A connection setting is not valid.',
    fix: 'Correct the setting.',
  },
};

const NETWORK: Entry = {
  kind: 'network',
  title: 'Cannot reach the endpoint',
  cause:
    'The browser got no answer: the endpoint is down or unreachable, the URL is wrong, or it does not allow this origin (CORS).',
  fix: 'Check the endpoint URL and that the service is running; real KMS answers browsers from any origin.',
};

const CLOCK_SKEW: Entry = {
  kind: 'clock-skew',
  title: "Your computer's clock is off",
  cause:
    "The request was signed with a time more than 5 minutes away from the endpoint's clock, so it was refused.",
  fix: "Set this computer's clock to the correct time (enable automatic time), then try again.",
};

const NOT_AWS: Entry = {
  kind: 'network',
  title: 'The endpoint did not answer like AWS',
  cause:
    'The answer is not an AWS API response: the URL probably points at another kind of server.',
  fix: 'Check the endpoint URL: the service’s root URL, without a path.',
};

const NOT_RETRIED =
  'The console did not retry: an endpoint that fails this way answers the same every time.';

/** A readable answer that is not AWS JSON: a server error is the operation, anything else the URL. */
function nonAwsAnswer(error: NonAwsAnswerError): Entry {
  const what = error.contentType
    ? `a ${error.contentType.split(';')[0]} answer`
    : 'an answer that is not JSON';
  if (error.httpStatus >= 500) {
    return {
      kind: 'unsupported',
      title: `The endpoint failed on ${error.operation} (HTTP ${error.httpStatus})`,
      cause: `It answered HTTP ${error.httpStatus} with ${what} instead of an AWS JSON error. Emulators answer this way for operations they do not implement, so this endpoint may not implement ${error.operation}.`,
      fix: `Use ${error.operation} against AWS KMS or the sandbox, or an endpoint that implements it. ${NOT_RETRIED}`,
    };
  }
  return {
    ...NOT_AWS,
    cause: `The endpoint answered HTTP ${error.httpStatus} with ${what}, not an AWS response: the URL probably points at another kind of server.`,
  };
}

function unreadableAnswer(error: UnreadableAnswerError): Entry {
  return {
    kind: 'unsupported',
    title: `No readable answer to ${error.operation}: this endpoint may not implement it`,
    cause: `The endpoint answers this console (it answered ${error.answered.join(', ')}), but the browser could not read its answer to ${error.operation}: an answer without CORS headers is hidden from the page, HTTP status and all. Emulators answer that way when an operation fails or is not implemented (moto answers an operation it does not implement with an HTML page, HTTP 500, without CORS headers), so this endpoint may not implement ${error.operation}. Less likely, it stopped answering just now.`,
    fix: `Use ${error.operation} against AWS or the sandbox. To see the endpoint's own answer, run it with the AWS CLI and --debug. ${NOT_RETRIED}`,
  };
}

const UNKNOWN: Entry = {
  kind: 'service',
  title: 'The request failed',
  cause: 'The endpoint answered with an error the console does not know.',
  fix: 'Read the message; try again.',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number };
}

const SKEW_MESSAGE = /Signature expired|Signature not yet current|RequestTimeTooSkewed|clock skew/i;
const NETWORK_MESSAGE = /Failed to fetch|NetworkError|Load failed|fetch failed|ECONNREFUSED/i;

/** Turns anything thrown by an SDK call into cause and fix, keeping AWS's own message. */
export function describeError(error: unknown): ConsoleError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const name = typeof e.name === 'string' && e.name !== '' ? e.name : 'Error';
  const message =
    typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : String(error);
  const httpStatus = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const requestId = e.$metadata?.requestId || undefined;
  const base = { name, message, httpStatus, requestId };

  if (error instanceof NonAwsAnswerError) {
    return { ...base, httpStatus: error.httpStatus, ...nonAwsAnswer(error) };
  }
  if (error instanceof UnreadableAnswerError) return { ...base, ...unreadableAnswer(error) };
  if (SKEW_MESSAGE.test(message) || name === 'RequestTimeTooSkewed') {
    return { ...base, ...CLOCK_SKEW };
  }
  if ((name === 'TypeError' || name === 'TimeoutError') && NETWORK_MESSAGE.test(message)) {
    return { ...base, ...NETWORK };
  }
  if (name === 'TimeoutError' || name === 'RequestTimeout') return { ...base, ...NETWORK };
  const entry = ERROR_CATALOGUE[name];
  if (entry) {
    const accessDenied = parseAccessDenied(message) ?? undefined;
    return {
      ...base,
      ...entry,
      ...cognitoDetail(name, message),
      ...(accessDenied ? { ...eventHistoryDenial(accessDenied), accessDenied } : {}),
    };
  }
  if (name === 'SyntaxError' || /Deserialization error|Unexpected token/.test(message)) {
    return { ...base, ...NOT_AWS };
  }
  if (name === 'UnknownError' || (httpStatus !== undefined && httpStatus >= 300 && !entry)) {
    if (httpStatus === 404 || httpStatus === 405 || httpStatus === 403) {
      return {
        ...base,
        ...NOT_AWS,
        cause: `The endpoint answered HTTP ${httpStatus} without an AWS error: the URL probably points at another kind of server.`,
      };
    }
  }
  return { ...base, ...UNKNOWN };
}

/**
 * Cognito uses one exception name for several causes, and KMS reuses NotAuthorizedException for
 * the reserved alias namespace; the message tells them apart.
 */
function cognitoDetail(name: string, message: string): Partial<CatalogueEntry> {
  if (name === 'NotAuthorizedException') {
    if (/\balias\/aws\//.test(message)) {
      return {
        title: 'Reserved alias name',
        cause:
          'Alias names that begin with alias/aws/ belong to AWS managed keys; no one may create or change them.',
        fix: 'Choose an alias name that does not begin with alias/aws/.',
      };
    }
    if (/Password attempts exceeded/i.test(message)) {
      return {
        title: 'Too many wrong passwords',
        cause:
          'After five wrong passwords the user pool locks the user out for a time that doubles with each further failure (up to about 15 minutes); sign-ins during the lockout are refused, even with the right password.',
        fix: 'Wait a little, then sign in with the right password (that resets the count).',
      };
    }
    if (/Token has been revoked/i.test(message)) {
      return {
        title: 'This sign-in was ended',
        cause: 'The tokens were revoked (sign out, or a global sign-out of the user).',
        fix: 'Sign in again.',
      };
    }
    if (/Incorrect username or password/i.test(message)) {
      return {
        title: 'Incorrect username or password',
        cause: 'The user pool did not accept this username and password.',
        fix: 'Check both and try again (passwords are case-sensitive).',
      };
    }
    if (/Unauthenticated access is not supported/i.test(message)) {
      return {
        title: 'Guest access is off',
        cause: 'This identity pool does not allow unauthenticated (guest) identities.',
        fix: 'Sign in with a user pool login, or enable guest access on the identity pool.',
      };
    }
    if (/Invalid login token|Token expired/i.test(message)) {
      return {
        title: 'The login token was refused',
        cause:
          'The identity pool did not accept the user pool ID token (expired, or from a pool it does not trust).',
        fix: 'Sign in again; check that the identity pool lists this user pool and app client.',
      };
    }
  }
  if (name === 'ResourceNotFoundException') {
    if (/IdentityPool/i.test(message)) {
      return {
        title: 'Unknown identity pool',
        cause: 'No identity pool with this ID exists in this region.',
        fix: 'Check the identity pool ID (region:GUID) and the region.',
      };
    }
    if (/client/i.test(message)) {
      return {
        title: 'Unknown app client',
        cause: 'The user pool has no app client with this ID.',
        fix: 'Check the app client ID.',
      };
    }
    if (/pool/i.test(message)) {
      return {
        title: 'Unknown user pool',
        cause: 'No user pool with this ID exists in this region.',
        fix: 'Check the user pool ID and region.',
      };
    }
  }
  return {};
}

/**
 * Reading the event history is CloudTrail's permission, not a key's: say which policy kept the
 * caller out, and a way in that does not widen what a policy deliberately narrowed.
 */
function eventHistoryDenial(denied: ParsedAccessDenied): Partial<CatalogueEntry> {
  if (!denied.action.toLowerCase().startsWith('cloudtrail:')) return {};
  const title = 'The event history is not open to you';
  if (denied.kind === 'explicit-deny') {
    return {
      title,
      cause: `A policy statement explicitly denies ${denied.action} to your principal; no Allow can override it.`,
      fix: 'Ask whoever manages that policy; or sign in as a principal it does not deny.',
    };
  }
  if (denied.policyType === 'session') {
    return {
      title,
      cause: `The session policy of your credentials does not allow ${denied.action} (Cognito's guest session policy allows only cryptographic actions), whatever your role allows.`,
      fix: 'Sign in as a user whose role allows it; a guest session policy cannot be widened.',
    };
  }
  return {
    title,
    cause: `Reading the event history calls CloudTrail ${denied.action.slice('cloudtrail:'.length)}, and no identity-based policy of your user or role allows ${denied.action}.`,
    fix: `Ask an administrator to allow ${denied.action} (it reads the account's events in this Region) in an IAM policy of your user or role, or sign in as a principal that may.`,
  };
}

/** Plain sentence for logs and flashes: never includes request bodies or secrets. */
export function errorSummary(error: ConsoleError): string {
  return `${error.title}: ${error.message}`;
}

export function isAccessDenied(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as ErrorLike).name === 'AccessDeniedException'
  );
}
