import { signatureInvalid } from './errors';

/**
 * Region names of the `aws` partition: the SDK's partition rule (`regionRegex` of the `aws`
 * partition in @aws-sdk/core's partitions data), so a Region AWS opens tomorrow is served today.
 * China (`cn-…`, `arn:aws-cn`) and GovCloud (`us-gov-…`, `arn:aws-us-gov`) are other partitions
 * with other ARNs for every principal too; the sandbox's accounts live in `aws` only.
 */
const AWS_PARTITION_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/;

export function isAwsRegion(name: string): boolean {
  return AWS_PARTITION_REGION.test(name);
}

/** A SigV4 credential scope must name a Region; AWS words the refusal this way. */
export function requireScopeRegion(region: string): string {
  if (!isAwsRegion(region)) {
    throw signatureInvalid(`Credential should be scoped to a valid region, not '${region}'. `);
  }
  return region;
}
