import { useQuery } from '@tanstack/react-query';
import { describeKeyQueryOptions } from '../../../kms/api/describe-key';
import { isKeyReference, parseKeyReference } from '../../../kms/key-reference';
import { useKmsClient, useSession } from '../../../session/SessionProvider';

export interface KeyArnLookup {
  arn?: string;
  /** What is wrong with the text, or why the key could not be found. */
  error?: string;
  resolving: boolean;
}

/**
 * CloudTrail names keys by ARN, so the key filter needs one: an ARN is used as typed, a key id
 * completed with this session's account and Region, an alias resolved with DescribeKey.
 */
export function useKeyArn(text: string): KeyArnLookup {
  const kms = useKmsClient();
  const { identity, manager } = useSession();
  const trimmed = text.trim();
  const parsed = trimmed === '' ? undefined : parseKeyReference(trimmed);
  const reference = parsed && isKeyReference(parsed) ? parsed : undefined;
  const direct =
    reference?.kind === 'key-arn'
      ? reference.value
      : reference?.kind === 'key-id' && identity.account
        ? `arn:aws:kms:${manager.source.region}:${identity.account}:key/${reference.value}`
        : undefined;
  const described = useQuery({
    ...describeKeyQueryOptions(kms, trimmed),
    enabled: reference !== undefined && direct === undefined,
    retry: false,
  });
  if (parsed === undefined) return { resolving: false };
  if (!reference) return { error: (parsed as { error: string }).error, resolving: false };
  if (direct) return { arn: direct, resolving: false };
  if (described.data?.Arn) return { arn: described.data.Arn, resolving: false };
  if (described.isError) {
    return {
      error: `${trimmed} could not be resolved to a key ARN (${(described.error as Error).name}); enter the key ARN instead.`,
      resolving: false,
    };
  }
  return { resolving: true };
}
