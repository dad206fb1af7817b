import type { ConditionKeys } from '../../policy';

/** What a recorded request says about the condition keys KMS evaluated for it. */
export interface RecordedRequestFacts {
  /** kms:EncryptionAlgorithm, kms:SigningAlgorithm, kms:MacAlgorithm… as the request set them. */
  conditionKeys: ConditionKeys;
  /** kms:RequestAlias: the alias the caller named, when it named one. */
  requestAlias?: string;
  /** The call was made with a Cognito guest's credentials (Cognito's session policy applied). */
  cognitoGuest: boolean;
}

/** requestParameters members that are condition keys of the same name. */
const PARAMETER_KEYS: Record<string, string> = {
  encryptionAlgorithm: 'kms:EncryptionAlgorithm',
  signingAlgorithm: 'kms:SigningAlgorithm',
  macAlgorithm: 'kms:MacAlgorithm',
  messageType: 'kms:MessageType',
  keyAgreementAlgorithm: 'kms:KeyAgreementAlgorithm',
  keySpec: 'kms:DataKeySpec',
  keyPairSpec: 'kms:DataKeyPairSpec',
};

interface RecordShape {
  requestParameters?: Record<string, unknown> | null;
  userIdentity?: {
    sessionContext?: { webIdFederationData?: { attributes?: Record<string, unknown> } };
  };
}

/**
 * Reads a CloudTrail record (a JSON string) for the facts a policy evaluation of that request
 * needs beyond principal, action, key and context. What the record does not hold stays absent.
 */
export function recordedRequestFacts(recordJson: string): RecordedRequestFacts {
  let record: RecordShape = {};
  try {
    const parsed: unknown = JSON.parse(recordJson);
    if (typeof parsed === 'object' && parsed !== null) record = parsed as RecordShape;
  } catch {
    // An unreadable record gives no facts; the explanation says less, never something false.
  }
  const parameters = record.requestParameters ?? {};
  const conditionKeys: Record<string, string> = {};
  for (const [member, key] of Object.entries(PARAMETER_KEYS)) {
    const value = parameters[member];
    if (typeof value === 'string') conditionKeys[key] = value;
  }
  const keyId = parameters.keyId ?? parameters.sourceKeyId;
  const requestAlias =
    typeof keyId === 'string' && /(^|:)alias\//.test(keyId)
      ? keyId.slice(keyId.indexOf('alias/'))
      : undefined;
  // Cognito records how an identity pool session signed in: `["unauthenticated"]` for guests.
  const amr =
    record.userIdentity?.sessionContext?.webIdFederationData?.attributes?.[
      'cognito-identity.amazonaws.com:amr'
    ];
  const cognitoGuest = typeof amr === 'string' && amr.includes('"unauthenticated"');
  return { conditionKeys, ...(requestAlias ? { requestAlias } : {}), cognitoGuest };
}
