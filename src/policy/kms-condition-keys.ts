import type { ConditionKeys, ConditionValue } from './request.js';

export type KmsPrincipalType = 'root' | 'user' | 'assumed-role' | 'service';

export interface KmsCallerIdentity {
  readonly arn: string;
  readonly account: string;
  readonly type: KmsPrincipalType;
  /** The role ARN for assumed-role sessions (derived from the session ARN when omitted). */
  readonly roleArn?: string;
  /** aws:userid: the user's unique id, or `<role id>:<session name>` for sessions. */
  readonly userId?: string;
  /** aws:username: IAM users only. */
  readonly username?: string;
}

/** Structured inputs for the condition keys of one KMS request. Omitted inputs stay absent. */
export interface KmsConditionInput {
  readonly caller?: KmsCallerIdentity;
  readonly encryptionContext?: Readonly<Record<string, string>>;
  readonly grantOperations?: readonly string[];
  readonly granteePrincipal?: string;
  readonly retiringPrincipal?: string;
  readonly grantIsForAwsResource?: boolean;
  readonly grantConstraintType?: 'EncryptionContextEquals' | 'EncryptionContextSubset';
  readonly requestAlias?: string;
  readonly resourceAliases?: readonly string[];
  readonly keySpec?: string;
  readonly keyUsage?: string;
  readonly keyOrigin?: string;
  readonly encryptionAlgorithm?: string;
  readonly signingAlgorithm?: string;
  /** Sign and Verify: RAW, DIGEST or EXTERNAL_MU (ML-DSA's precomputed μ). */
  readonly messageType?: string;
  readonly macAlgorithm?: string;
  /** DeriveSharedSecret: ECDH. */
  readonly keyAgreementAlgorithm?: string;
  readonly dataKeyPairSpec?: string;
  readonly reEncryptOnSameKey?: boolean;
  readonly viaService?: string;
  readonly bypassPolicyLockoutSafetyCheck?: boolean;
  /** kms:MultiRegion: the key's MultiRegion property (CreateKey: the request's). */
  readonly multiRegion?: boolean;
  /** kms:MultiRegionKeyType: PRIMARY or REPLICA; absent for single-Region keys. */
  readonly multiRegionKeyType?: 'PRIMARY' | 'REPLICA';
  /** kms:ReplicaRegion: ReplicateKey's ReplicaRegion. */
  readonly replicaRegion?: string;
  /** kms:PrimaryRegion: UpdatePrimaryRegion's PrimaryRegion. */
  readonly primaryRegion?: string;
  /** aws:RequestedRegion: the Region the request is sent to (its SigV4 scope). */
  readonly requestedRegion?: string;
  /** GetParametersForImport: WrappingAlgorithm and WrappingKeySpec of the request. */
  readonly wrappingAlgorithm?: string;
  readonly wrappingKeySpec?: string;
  /**
   * ImportKeyMaterial: the ExpirationModel parameter, only when the request has one (the
   * developer guide's `"Null": {"kms:ExpirationModel": true}` example matches requests without it).
   */
  readonly expirationModel?: string;
  /** ImportKeyMaterial: ValidTo, which the condition key carries in Unix time (seconds). */
  readonly validTo?: Date;
  /** aws:CurrentTime and aws:EpochTime; defaults to now. */
  readonly currentTime?: Date;
  readonly secureTransport?: boolean;
  /** Any further keys, e.g. aws:SourceIp or aws:RequestTag/…; these win over the above. */
  readonly extra?: ConditionKeys;
}

export const ENCRYPTION_CONTEXT_KEY_PREFIX = 'kms:EncryptionContext:';

/** Builds the condition key map that evaluatePolicy / authorizeKmsRequest expect. */
export function buildKmsConditionKeys(input: KmsConditionInput): Record<string, ConditionValue> {
  const keys: Record<string, ConditionValue> = {};
  const set = (name: string, value: ConditionValue | undefined): void => {
    if (value !== undefined) keys[name] = value;
  };
  addEncryptionContext(keys, input.encryptionContext);
  if (input.caller) addCallerKeys(keys, input.caller);
  set('kms:GrantOperations', input.grantOperations);
  set('kms:GranteePrincipal', input.granteePrincipal);
  set('kms:RetiringPrincipal', input.retiringPrincipal);
  set('kms:GrantIsForAWSResource', input.grantIsForAwsResource);
  set('kms:GrantConstraintType', input.grantConstraintType);
  set('kms:RequestAlias', input.requestAlias);
  set('kms:ResourceAliases', input.resourceAliases);
  set('kms:KeySpec', input.keySpec);
  set('kms:KeyUsage', input.keyUsage);
  set('kms:KeyOrigin', input.keyOrigin);
  set('kms:EncryptionAlgorithm', input.encryptionAlgorithm);
  set('kms:SigningAlgorithm', input.signingAlgorithm);
  set('kms:MessageType', input.messageType);
  set('kms:MacAlgorithm', input.macAlgorithm);
  set('kms:KeyAgreementAlgorithm', input.keyAgreementAlgorithm);
  set('kms:DataKeyPairSpec', input.dataKeyPairSpec);
  set('kms:ReEncryptOnSameKey', input.reEncryptOnSameKey);
  set('kms:ViaService', input.viaService);
  set('kms:BypassPolicyLockoutSafetyCheck', input.bypassPolicyLockoutSafetyCheck);
  set('kms:MultiRegion', input.multiRegion);
  set('kms:MultiRegionKeyType', input.multiRegionKeyType);
  set('kms:ReplicaRegion', input.replicaRegion);
  set('kms:PrimaryRegion', input.primaryRegion);
  set('aws:RequestedRegion', input.requestedRegion);
  set('kms:WrappingAlgorithm', input.wrappingAlgorithm);
  set('kms:WrappingKeySpec', input.wrappingKeySpec);
  set('kms:ExpirationModel', input.expirationModel);
  set('kms:ValidTo', input.validTo && String(input.validTo.getTime() / 1000));
  const now = input.currentTime ?? new Date();
  set('aws:CurrentTime', now.toISOString());
  set('aws:EpochTime', String(Math.floor(now.getTime() / 1000)));
  set('aws:SecureTransport', input.secureTransport);
  if (input.extra) {
    for (const [name, value] of Object.entries(input.extra)) set(name, value);
  }
  return keys;
}

function addEncryptionContext(
  keys: Record<string, ConditionValue>,
  context: Readonly<Record<string, string>> | undefined,
): void {
  if (context === undefined) return;
  const names = Object.keys(context);
  // An empty context means "no encryption context": the keys stay absent, as in AWS.
  if (names.length === 0) return;
  for (const name of names) {
    const value = context[name];
    if (value !== undefined) keys[`${ENCRYPTION_CONTEXT_KEY_PREFIX}${name}`] = value;
  }
  keys['kms:EncryptionContextKeys'] = names;
}

function addCallerKeys(keys: Record<string, ConditionValue>, caller: KmsCallerIdentity): void {
  if (caller.type === 'service') return;
  keys['kms:CallerAccount'] = caller.account;
  keys['aws:PrincipalAccount'] = caller.account;
  // For sessions AWS reports the role's ARN, not the session's.
  keys['aws:PrincipalArn'] =
    caller.type === 'assumed-role'
      ? (caller.roleArn ?? roleArnOfSession(caller.arn) ?? caller.arn)
      : caller.arn;
  keys['aws:PrincipalType'] = PRINCIPAL_TYPE_NAMES[caller.type];
  if (caller.userId !== undefined) keys['aws:userid'] = caller.userId;
  if (caller.type === 'user') {
    keys['aws:username'] = caller.username ?? caller.arn.slice(caller.arn.lastIndexOf('/') + 1);
  }
}

const PRINCIPAL_TYPE_NAMES: Readonly<Record<Exclude<KmsPrincipalType, 'service'>, string>> = {
  root: 'Account',
  user: 'User',
  'assumed-role': 'AssumedRole',
};

const SESSION_ARN = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * `arn:aws:sts::111122223333:assumed-role/KmsOperator/Session` → `arn:aws:iam::111122223333:
 * role/KmsOperator`. The session ARN has no role path; pass roleArn when the role has one.
 */
export function roleArnOfSession(sessionArn: string): string | undefined {
  const match = SESSION_ARN.exec(sessionArn);
  if (match === null) return undefined;
  return `arn:${match[1] ?? 'aws'}:iam::${match[2] ?? ''}:role/${match[3] ?? ''}`;
}
