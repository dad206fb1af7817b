import { OPERATIONS } from '../kms/operations';

/** Members that KMS operations take, each fed values of every wrong shape. */
const MEMBERS = [
  'KeyId',
  'Plaintext',
  'CiphertextBlob',
  'EncryptionContext',
  'GrantTokens',
  'NumberOfBytes',
  'KeySpec',
  'Limit',
  'Marker',
  'AliasName',
  'TargetKeyId',
  'Policy',
  'PolicyName',
  'Tags',
  'TagKeys',
  'GrantId',
  'GrantToken',
  'GranteePrincipal',
  'Operations',
  'Constraints',
  'Message',
  'MessageType',
  'SigningAlgorithm',
  'Signature',
  'MacAlgorithm',
  'Mac',
  'DryRun',
  'DryRunModifiers',
  'Description',
  'KeyUsage',
  'PendingWindowInDays',
  'RotationPeriodInDays',
  'DestinationKeyId',
  'SourceKeyId',
  'SourceEncryptionContext',
  'DestinationEncryptionContext',
  'EncryptionAlgorithm',
  'KeyPairSpec',
  'RetiringPrincipal',
  'Name',
  'WrappingAlgorithm',
  'WrappingKeySpec',
  'ImportToken',
  'EncryptedKeyMaterial',
  'ValidTo',
  'ExpirationModel',
  'ImportType',
  'KeyMaterialId',
  'KeyMaterialDescription',
];
const BAD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  true,
  '',
  'x'.repeat(70_000),
  'alias/demo-app',
  '====',
  [],
  [null],
  [1, 2],
  {},
  { a: 1 },
  { a: { b: 'c' } },
  { '': '' },
];

/** A small deterministic generator, so a failure names a case that can be replayed. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/**
 * Signed KMS requests whose members hold values of every wrong shape: `perOperation` cases for
 * each operation the sandbox serves, the same cases for the same seed.
 */
export function* memberFuzzCases(
  seed = 42,
  perOperation = 40,
): Generator<{ operation: string; input: Record<string, unknown> }> {
  const next = seededRandom(seed);
  for (const operation of Object.keys(OPERATIONS)) {
    for (let i = 0; i < perOperation; i++) {
      const input: Record<string, unknown> = {};
      const members = 1 + next(4);
      for (let m = 0; m < members; m++) {
        input[MEMBERS[next(MEMBERS.length)]] = BAD_VALUES[next(BAD_VALUES.length)];
      }
      yield { operation, input };
    }
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'BREW'];
const TARGETS = [
  '/',
  '//',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%zz',
  'http://a:b@/',
  '*',
  '/keys?x=%00',
  `/${'a'.repeat(4000)}`,
  '/us-east-1_KmsDemo01/.well-known/jwks.json',
];
const HEADER_LINES = [
  'X-Amz-Target: TrentService.ListKeys',
  'X-Amz-Target: TrentService.',
  'X-Amz-Target: .',
  'X-Amz-Target: AWSCognitoIdentityService.GetId',
  'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth',
  'Content-Type: application/x-amz-json-1.1',
  'Content-Type: application/x-www-form-urlencoded',
  'Authorization: AWS4-HMAC-SHA256',
  'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20300101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00',
  'Authorization: Basic YWRtaW46YWRtaW4=',
  'X-Amz-Date: 99999999T999999Z',
  'X-Amz-Security-Token: %%%',
  'Origin: null',
  'Origin: https://evil.example',
  'Access-Control-Request-Headers: x-evil',
  'Transfer-Encoding: chunked',
  'Expect: 100-continue',
  `X-Big: ${'b'.repeat(20_000)}`,
];
const BODIES = [
  '',
  '{}',
  '{',
  '[]',
  'null',
  '{"KeyId":',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'Action=GetCallerIdentity&Version=2011-06-15',
  'Action=AssumeRole&Version=2011-06-15',
  '{"IdentityPoolId":"us-east-1:11111111-2222-4333-8444-555555555555"}',
  '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"kmsconsoledemoclient","AuthParameters":{}}',
  '\u0000\u0001\u0002\uffff',
];

/**
 * Raw HTTP/1.1 requests built from odd methods, request targets, headers and bodies, each as
 * the exact bytes to write on a new connection (with `Connection: close`).
 */
export function* httpFuzzCases(seed: number, count: number): Generator<Buffer> {
  const next = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const headers = Array.from({ length: next(4) }, () => HEADER_LINES[next(HEADER_LINES.length)]);
    const body = BODIES[next(BODIES.length)];
    const chunked = headers.includes('Transfer-Encoding: chunked');
    const framing = chunked
      ? `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`
      : body;
    const lines = [
      `${METHODS[next(METHODS.length)]} ${TARGETS[next(TARGETS.length)]} HTTP/1.1`,
      'Host: 127.0.0.1',
      ...headers,
      ...(chunked ? [] : [`Content-Length: ${Buffer.byteLength(body)}`]),
      'Connection: close',
    ];
    yield Buffer.from(`${lines.join('\r\n')}\r\n\r\n${framing}`);
  }
}

/** The status of a raw HTTP/1.1 answer; 0 when there is none (a reset, a close without one). */
export function statusLine(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3}) /.exec(response)?.[1] ?? 0);
}
