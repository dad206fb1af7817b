import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { contextParameter, type EncryptionContext } from '../../../../bytes/encryption-context';
import { describeCryptoError, type CryptoErrorHints } from '../../../../kms/crypto-errors';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useFollow } from '../../../../ui/navigation';

/** A failed operation, explained from the catalogue for this operation. */
export function OperationError({
  error,
  operation,
  hints,
  context,
  action,
  onDismiss,
}: {
  error: unknown;
  operation: string;
  hints?: CryptoErrorHints;
  /** The encryption context the request sent: a denial's explanation is checked with it. */
  context?: EncryptionContext;
  /** A way out of the failure (a retry), shown with its explanation. */
  action?: ReactNode;
  onDismiss?: () => void;
}) {
  const follow = useFollow();
  const described = describeCryptoError(error, operation, hints);
  const key = described.accessDenied?.resource;
  const why =
    key === undefined
      ? undefined
      : `/permissions?${new URLSearchParams({
          keyId: key,
          ...(contextParameter(context) ? { context: contextParameter(context) ?? '' } : {}),
        }).toString()}`;
  // role="alert": the failure is announced when it appears, like the result it replaces.
  return (
    <div role="alert">
      <ErrorAlert
        error={described}
        onDismiss={onDismiss}
        action={
          why ? (
            <Link href={why} onFollow={follow}>
              Why is {operation} denied?
            </Link>
          ) : (
            action
          )
        }
      />
    </div>
  );
}
