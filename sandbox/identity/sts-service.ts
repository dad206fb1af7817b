import type { QueryService, ServiceCall } from '../http/service';
import { invalidAction, missingAuthenticationToken } from '../protocol/errors';
import { queryErrorResponse, queryResponse } from '../protocol/query-xml';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';

/**
 * The request pipeline names authentication failures as the JSON services do; STS's query
 * protocol has its own codes (and statuses) for the same failures.
 */
const STS_ERRORS: Record<string, { code: string; status: number; message?: string }> = {
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 400 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  MissingAuthenticationTokenException: {
    code: 'MissingAuthenticationToken',
    status: 403,
    message: 'Request is missing Authentication Token',
  },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  KMSInternalException: { code: 'InternalFailure', status: 500 },
};

async function getCallerIdentity(call: ServiceCall): Promise<Record<string, string>> {
  const principal = call.credential?.principal;
  if (!principal) throw missingAuthenticationToken();
  return { Arn: principal.arn, UserId: principal.userId, Account: principal.account };
}

const ACTIONS: Record<string, (call: ServiceCall) => Promise<Record<string, string>>> = {
  GetCallerIdentity: getCallerIdentity,
};

/**
 * AWS STS over the query protocol, signed for `sts`. Only GetCallerIdentity: it answers who a
 * credential belongs to (IAM user or Cognito role session), which is what the console and the
 * AWS CLI use to show "signed in as".
 */
export function createStsService(): QueryService {
  return {
    signingService: 'sts',
    async handle(params, call) {
      const action = params.get('Action') ?? '';
      const version = params.get('Version') ?? STS_VERSION;
      const run = ACTIONS[action];
      if (!run || version !== STS_VERSION) {
        throw invalidAction(action, version);
      }
      return queryResponse(STS_NAMESPACE, action, await run(call), call.requestId);
    },
    renderError(error, requestId) {
      const mapped = STS_ERRORS[error.type];
      const code = mapped?.code ?? error.type;
      const status = mapped?.status ?? error.status;
      const body = queryErrorResponse(
        STS_NAMESPACE,
        {
          code,
          message: mapped?.message ?? error.message,
          fault: status >= 500 ? 'Receiver' : 'Sender',
        },
        requestId,
      );
      return { status, code, body };
    },
  };
}
