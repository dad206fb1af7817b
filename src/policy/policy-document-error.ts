/**
 * Thrown when a policy document cannot be parsed. The message is written so that it can be
 * returned as is in KMS's MalformedPolicyDocumentException: it says what is wrong and where.
 */
export class PolicyDocumentError extends Error {
  /** Where the problem is, e.g. `Statement[2].Condition.StringEquals` (empty for the whole document). */
  readonly path: string;
  /** What is wrong, without the location. */
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(path === '' ? reason : `${path}: ${reason}`);
    this.name = 'PolicyDocumentError';
    this.path = path;
    this.reason = reason;
  }
}
