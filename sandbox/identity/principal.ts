/** Who signed a request, with everything authorization needs to know about them. */
export interface Principal {
  /** e.g. `arn:aws:iam::111122223333:user/admin` or `arn:aws:sts::111122223333:assumed-role/KmsOperator/CognitoIdentityCredentials` */
  arn: string;
  account: string;
  /** aws:userid: `AIDA…` for users, `AROA…:<session>` for role sessions. */
  userId: string;
  type: 'user' | 'assumed-role' | 'root';
  /** aws:username, IAM users only. */
  username?: string;
  /** For role sessions: the role's IAM ARN, which key policies name. */
  roleArn?: string;
  /** Identity-based policy documents (JSON) attached to the user or role. */
  identityPolicies: string[];
  /** Session policy documents (JSON) that narrow temporary credentials. */
  sessionPolicies: string[];
}

/** A credential the sandbox accepts: the secret verifies the signature, the principal is the caller. */
export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  /** When temporary credentials were issued (undefined for long-term keys). */
  issuedAt?: Date;
  /** Temporary credentials from web identity federation: the provider and what it vouched for. */
  webIdentity?: WebIdentity;
  principal: Principal;
}

/** CloudTrail's webIdFederationData: e.g. `cognito-identity.amazonaws.com` and its `aud`, `sub`, `amr`. */
export interface WebIdentity {
  provider: string;
  attributes: Record<string, string>;
}

export interface CredentialResolver {
  /**
   * Finds the credential for an access key id (and the session token the request carries).
   * Throws AwsError UnrecognizedClientException / ExpiredTokenException like AWS.
   */
  resolve(accessKeyId: string, sessionToken: string | undefined, now: Date): Credential;
}
