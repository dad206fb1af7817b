/*
 * What an endpoint's answers say about the endpoint itself. AWS KMS always answers with JSON and
 * CORS headers; emulators do not always: moto answers an operation it does not implement with an
 * HTML page (HTTP 500) that carries no CORS headers, which the browser then hides entirely. These
 * errors say what happened instead of blaming the network.
 */

/** The endpoint answered with something that is not an AWS error (an HTML page, plain text…). */
export class NonAwsAnswerError extends Error {
  override name = 'NonAwsAnswer';

  constructor(
    readonly operation: string,
    readonly httpStatus: number,
    readonly contentType: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `${operation}: HTTP ${httpStatus}, ${contentType ? `a ${contentType.split(';')[0]} answer` : 'an answer'} that is not AWS JSON.`,
      options,
    );
  }
}

/**
 * The browser got no readable answer to one operation, although the endpoint answered others in
 * this session: it answered without CORS headers (or stopped answering), so the status is hidden.
 */
export class UnreadableAnswerError extends Error {
  override name = 'UnreadableAnswer';

  constructor(
    readonly operation: string,
    /** Operations the endpoint did answer in this session. */
    readonly answered: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(
      `No readable answer to ${operation}, although the endpoint answered ${listed(answered)} in this session.`,
      options,
    );
  }
}

function listed(operations: readonly string[]): string {
  const shown = operations.slice(0, 3);
  const more = operations.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

const BROWSER_NETWORK_ERRORS = new Set([
  'Failed to fetch',
  'NetworkError when attempting to fetch resource.',
  'NetworkError when attempting to fetch resource',
  'Load failed',
]);

/** fetch's own failure: no answer the page may read (refused, unreachable, or blocked by CORS). */
export function isBrowserNetworkError(error: unknown): boolean {
  return error instanceof TypeError && BROWSER_NETWORK_ERRORS.has(error.message);
}

/** The operations one session's endpoint has answered (any readable answer, errors included). */
export class EndpointAnswers {
  private readonly operations = new Set<string>();

  record(operation: string): void {
    this.operations.add(operation);
  }

  get answered(): readonly string[] {
    return [...this.operations];
  }
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/**
 * What one attempt's error says about the endpoint, as a more precise error when it says more:
 * a readable answer that is not AWS JSON becomes NonAwsAnswerError; a browser network failure
 * after the endpoint answered other operations becomes UnreadableAnswerError. Records every
 * readable answer in `answers`.
 */
export function interpretAttemptError(
  error: unknown,
  operation: string,
  answers: EndpointAnswers,
): unknown {
  if (isBrowserNetworkError(error)) {
    const answered = answers.answered.filter((name) => name !== operation);
    return answered.length > 0
      ? new UnreadableAnswerError(operation, answered, { cause: error })
      : error;
  }
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const status = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode;
  if (status === undefined) return error;
  answers.record(operation);
  const message = typeof shape.message === 'string' ? shape.message : '';
  const notJson =
    shape.name === 'SyntaxError' ||
    /Deserialization error|is not valid JSON|Unexpected token/.test(message);
  if (!notJson) return error;
  const contentType = shape.$response?.headers?.['content-type'];
  return new NonAwsAnswerError(operation, status, contentType, { cause: error });
}
