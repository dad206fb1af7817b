/** The scenario users the sandbox seeds (DESIGN.md section 4); their passwords are public demo values. */
export const SANDBOX_USERS = ['admin', 'operator', 'auditor', 'guest'] as const;
export type SandboxUser = (typeof SANDBOX_USERS)[number];

/** Where the sandbox's demo scenario lives: its keys, user pool and identity pool. */
export const SANDBOX_SCENARIO_REGION = 'us-east-1';

/** The sandbox's Cognito ids (fixed, whatever config.json says, so "Sandbox" works against any sandbox). */
export const SANDBOX_COGNITO = {
  userPoolId: 'us-east-1_KmsDemo01',
  clientId: 'kmsconsoledemoclient',
  identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
} as const;

export const SANDBOX_PASSWORDS: Record<Exclude<SandboxUser, 'guest'>, string> = {
  admin: 'Admin-Passw0rd!',
  operator: 'Operator-Passw0rd!',
  auditor: 'Auditor-Passw0rd!',
};

export const SANDBOX_USER_ROLES: Record<SandboxUser, string> = {
  admin: 'KmsAdmin: kms:*',
  operator: 'KmsOperator: list and describe; crypto with department=finance or engineering',
  auditor: 'KmsAuditor: kms:List*, kms:Describe*, kms:Get*',
  guest: "KmsGuest: Encrypt and GenerateDataKey, narrowed by Cognito's guest session policy",
};

interface Connection {
  region: string;
  /** Endpoint override as typed; "" means the default for this console (see resolveEndpoint). */
  endpoint: string;
}

export interface UserPoolLogin {
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
}

export type SignInRequest =
  | (Connection & { method: 'sandbox'; user: SandboxUser })
  | (Connection & {
      method: 'cognito';
      identityPoolId: string;
      /** Absent for guest (unauthenticated) access. */
      login?: UserPoolLogin;
    })
  | (Connection & {
      method: 'accessKeys';
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
    });

export type SignInMethod = SignInRequest['method'];

export const METHOD_LABELS: Record<SignInMethod, string> = {
  sandbox: 'Sandbox',
  cognito: 'Cognito identity pool',
  accessKeys: 'Access keys',
};

/** AWS's own endpoints; anything else (the sandbox, LocalStack, moto) is a custom endpoint. */
export function isAwsEndpoint(endpoint: string): boolean {
  try {
    return /(^|\.)(amazonaws\.com(\.cn)?|api\.aws)$/.test(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/**
 * Checks what the form cannot: the messages name the field and say what is expected.
 * `defaultEndpointIsAws`: whether an empty endpoint means AWS's own endpoints (false when the
 * sandbox serves the console).
 */
export function validateSignInRequest(
  request: SignInRequest,
  defaultEndpointIsAws = true,
): string[] {
  const problems: string[] = [];
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(request.region)) {
    problems.push(`Region "${request.region}" is not a region name such as us-east-1.`);
  }
  if (request.method === 'cognito') {
    if (!/^[\w-]+:[0-9a-f-]+$/.test(request.identityPoolId)) {
      problems.push(
        'Identity pool ID must look like us-east-1:11111111-2222-4333-8444-555555555555.',
      );
    }
    if (request.login) {
      if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(request.login.userPoolId)) {
        problems.push('User pool ID must look like us-east-1_AbCdEf123.');
      }
      if (!request.login.clientId) problems.push('Enter the app client ID.');
      if (!request.login.username) problems.push('Enter a username.');
      if (!request.login.password) problems.push('Enter a password.');
    }
  }
  if (request.method === 'accessKeys') {
    const toAws = request.endpoint === '' ? defaultEndpointIsAws : isAwsEndpoint(request.endpoint);
    // Emulators (LocalStack, moto) take any key id, usually `test`; AWS's ids have one shape.
    if (request.accessKeyId === '') {
      problems.push('Enter the access key ID.');
    } else if (toAws && !/^[A-Z0-9]{16,128}$/.test(request.accessKeyId)) {
      problems.push(
        'Access key ID must be 16 or more capital letters and digits, e.g. AKIA…, for AWS’s endpoints. (With a custom endpoint such as LocalStack or moto, any key ID works, e.g. test.)',
      );
    }
    if (!request.secretAccessKey) problems.push('Enter the secret access key.');
  }
  return problems;
}

/** The identity pool's region is the prefix of its id (us-east-1:…). */
export function regionOfPoolId(poolId: string): string | undefined {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)[:_]/.exec(poolId);
  return match?.[1];
}
