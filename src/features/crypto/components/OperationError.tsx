import { describeCryptoError, type CryptoErrorHints } from '../../../kms/crypto-errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';

/** A failed operation, explained from the catalogue for this operation. */
export function OperationError({
  error,
  operation,
  hints,
  onDismiss,
}: {
  error: unknown;
  operation: string;
  hints?: CryptoErrorHints;
  onDismiss?: () => void;
}) {
  // role="alert": the failure is announced when it appears, like the result it replaces.
  return (
    <div role="alert">
      <ErrorAlert error={describeCryptoError(error, operation, hints)} onDismiss={onDismiss} />
    </div>
  );
}
