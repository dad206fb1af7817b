import { describeOperation, type KmsOperationName } from './operations';

/**
 * Why the operation cannot use a key of this usage, said before sending it: KMS would answer
 * InvalidKeyUsageException. Undefined when the usage fits, or is unknown (an endpoint that leaves
 * it out of DescribeKey): then KMS decides.
 */
export function keyUsageProblem(
  operation: KmsOperationName,
  keyUsage: string | undefined,
): string | undefined {
  const { keyUsage: needed, errors } = describeOperation(operation);
  if (needed === undefined || keyUsage === undefined || keyUsage === needed) return undefined;
  return [
    `This key's usage is ${keyUsage}: KMS would refuse ${operation} with it (InvalidKeyUsageException).`,
    errors?.keyUsage?.cause,
    errors?.keyUsage?.fix,
  ]
    .filter(Boolean)
    .join(' ');
}
