import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { CheckPermissionButton } from '../../../../kms/CheckPermissionButton';
import type { DryRunInputs, DryRunOperation, DryRunRequest } from '../../../../kms/dry-run';
import type { OperationState } from '../../api/use-kms-operation';
import { buildCliCommand, type CryptoOperation } from '../../cli/cli-command';
import { GrantTokensField } from './GrantTokensField';
import { KeyField } from './KeyField';
import { OperationError } from './OperationError';
import { OperationForm } from './OperationForm';
import { useCliTarget } from './use-cli-target';
import type { KeyedRequest } from './use-keyed-request';

/** The part of a KMS call the form drives (a `KmsOperation`, or one of two). */
export interface OperationCall<I> {
  state: { status: OperationState<unknown>['status']; error?: unknown };
  run(input: I): unknown;
}

/** Operations that name one key, take grant tokens and can be dry-run. */
export type KeyedOperation = Extract<CryptoOperation, DryRunOperation>;

export interface KeyedOperationFormProps<Op extends KeyedOperation> {
  /** Names the CLI command, the dry run of "Check permission" and the error explanations. */
  operation: Op;
  /** The request the fields make; undefined while they are incomplete or invalid. */
  input: DryRunInputs[Op] | undefined;
  request: KeyedRequest;
  /** Which kind of key fits, under "Key". */
  keyDescription: string;
  keyPlaceholder: string;
  heading?: string;
  description?: ReactNode;
  submitLabel: string;
  /** Sends the request; its state makes the button busy and explains a failure under the form. */
  call: OperationCall<DryRunInputs[Op]>;
  /** The Result region, when there is a result. */
  result: ReactNode;
  /** The operation's own fields, between "Key" and the grant tokens. */
  children: ReactNode;
}

/**
 * A form for one key: "Key" first, the operation's fields, optional grant tokens; "Copy as AWS
 * CLI" and "Check permission" for the same request; then its failure or its result.
 */
export function KeyedOperationForm<Op extends KeyedOperation>({
  operation,
  input,
  request,
  keyDescription,
  keyPlaceholder,
  heading,
  description,
  submitLabel,
  call,
  result,
  children,
}: KeyedOperationFormProps<Op>) {
  const target = useCliTarget();
  // TypeScript cannot narrow a generic pair to one member of the union; `input` is the input of
  // `operation` by the props' type.
  const dryRun = input && ({ operation, input } as DryRunRequest);
  return (
    <SpaceBetween size="l">
      <OperationForm
        heading={heading}
        description={description}
        submitLabel={submitLabel}
        busy={call.state.status === 'pending'}
        onSubmit={() => {
          request.revealErrors();
          if (input) void call.run(input);
        }}
        cli={() => input && buildCliCommand(operation, { ...input }, target)}
        onInvalid={request.revealErrors}
        extraActions={<CheckPermissionButton request={dryRun} onInvalid={request.revealErrors} />}
      >
        <KeyField
          value={request.keyId}
          onChange={request.setKeyId}
          metadata={request.key.metadata}
          loading={request.key.loading}
          showErrors={request.showErrors}
          description={keyDescription}
          placeholder={keyPlaceholder}
        />
        {children}
        <GrantTokensField value={request.grantTokens} onChange={request.setGrantTokens} />
      </OperationForm>
      {call.state.error ? <OperationError error={call.state.error} operation={operation} /> : null}
      {result}
    </SpaceBetween>
  );
}
