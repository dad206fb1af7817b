import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { EncryptionContext } from '../../../../bytes/encryption-context';
import { CheckPermissionButton } from '../../../../kms/CheckPermissionButton';
import type { CryptoErrorHints } from '../../../../kms/crypto-errors';
import type { DryRunInputs, DryRunOperation, DryRunRequest } from '../../../../kms/dry-run';
import { keyUsageProblem } from '../../../../kms/key-usage';
import type { OperationState } from '../../api/use-kms-operation';
import { buildCliCommand, type CliCommand, type CryptoOperation } from '../../cli/cli-command';
import { GrantTokensField } from './GrantTokensField';
import { KeyField, type KeyFieldText } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { useCliTarget } from './use-cli-target';
import type { KeyedRequest } from './use-keyed-request';

/** The part of a KMS call the form drives (a `KmsOperation`, or one of two). */
export interface OperationCall<I> {
  state: { status: OperationState<unknown>['status']; error?: unknown };
  run(input: I): unknown;
}

/** Operations that name a key, take grant tokens and can be dry-run. */
export type KeyedOperation = Extract<CryptoOperation, DryRunOperation>;

export interface KeyedOperationFormProps<Op extends KeyedOperation> {
  /** Names the CLI command, the dry run of "Check permission" and the error explanations. */
  operation: Op;
  /** The request the fields make; undefined while they are incomplete or invalid. */
  input: DryRunInputs[Op] | undefined;
  /**
   * What "Check permission" dry-runs when it is not `input`: Decrypt and ReEncrypt can be checked
   * without the ciphertext (IGNORE_CIPHERTEXT) once the key is named.
   */
  checkInput?: DryRunInputs[Op];
  request: KeyedRequest;
  /**
   * How "Key" is worded; `false` when the operation's own fields place their keys (ReEncrypt
   * names a source and a destination key).
   */
  keyField: KeyFieldText | false;
  /** The operation's fields above "Key" (Decrypt and ReEncrypt start with the ciphertext). */
  leading?: ReactNode;
  heading?: string;
  description?: ReactNode;
  submitLabel: string;
  /** Sends the request; its state makes the button busy and explains a failure under the form. */
  call: OperationCall<DryRunInputs[Op]>;
  /** What the console knows about the request, to explain its failure more precisely. */
  errorHints?: CryptoErrorHints;
  /** The encryption context the request sent: a denial's explanation is checked with it. */
  errorContext?: EncryptionContext;
  /** A way out of the failure, shown with its explanation (a retry). */
  errorAction?: ReactNode;
  /** "Copy as AWS CLI" when it is not the operation itself (Encrypt in the browser). */
  cli?: () => CliCommand | undefined;
  /** Offer grant tokens (not when nothing is sent to KMS but the key id). */
  grantTokens?: boolean;
  /** The Result region, when there is a result. */
  result: ReactNode;
  /** The operation's fields after "Key", before the grant tokens. */
  children?: ReactNode;
}

/**
 * A form that names a key: its leading fields, "Key", the operation's fields, optional grant
 * tokens; "Copy as AWS CLI" and "Check permission" for the same request; then its failure or its
 * result.
 */
export function KeyedOperationForm<Op extends KeyedOperation>({
  operation,
  input,
  checkInput = input,
  request,
  keyField,
  leading,
  heading,
  description,
  submitLabel,
  call,
  errorHints,
  errorContext,
  errorAction,
  cli,
  grantTokens = true,
  result,
  children,
}: KeyedOperationFormProps<Op>) {
  const target = useCliTarget();
  // TypeScript cannot narrow a generic pair to one member of the union; `checkInput` is an input
  // of `operation` by the props' type.
  const dryRun = checkInput && ({ operation, input: checkInput } as DryRunRequest);
  // A key whose usage is known not to fit is refused here rather than sent for KMS to refuse.
  const keyMisfit = keyField
    ? keyUsageProblem(operation, request.key.metadata?.KeyUsage)
    : undefined;
  return (
    <SpaceBetween size="l">
      <OperationForm
        heading={heading}
        description={description}
        submitLabel={submitLabel}
        busy={call.state.status === 'pending'}
        onSubmit={() => {
          request.revealErrors();
          if (input && !keyMisfit) void call.run(input);
        }}
        cli={cli ?? (() => input && buildCliCommand(operation, { ...input }, target))}
        onInvalid={request.revealErrors}
        extraActions={<CheckPermissionButton request={dryRun} onInvalid={request.revealErrors} />}
      >
        {leading ? <SpaceBetween size="l">{leading}</SpaceBetween> : null}
        {keyField ? (
          <KeyField
            choice={request.key}
            showErrors={request.showErrors}
            misfit={keyMisfit}
            {...keyField}
          />
        ) : null}
        {children}
        {grantTokens ? (
          <GrantTokensField value={request.grantTokens} onChange={request.setGrantTokens} />
        ) : null}
      </OperationForm>
      {call.state.error ? (
        <OperationError
          error={call.state.error}
          operation={operation}
          hints={errorHints}
          context={errorContext}
          action={errorAction}
        />
      ) : null}
      {result}
    </SpaceBetween>
  );
}
