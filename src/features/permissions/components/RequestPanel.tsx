import type { KeyMetadata } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ContextEditor } from '../../../bytes/ContextEditor';
import type { ContextField } from '../../../bytes/use-context-field';
import { describeError } from '../../../kms/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { KeyInput } from '../../../ui/KeyInput';
import { CHOSEN_PROFILES, KEY_KIND_LABELS } from '../model/key-profile';

export type ChosenKind = keyof typeof CHOSEN_PROFILES;

const KIND_OPTIONS = (Object.keys(CHOSEN_PROFILES) as ChosenKind[]).map((kind) => ({
  value: kind,
  label: KEY_KIND_LABELS[kind],
}));

/** The question: which key, of which type, with which encryption context. */
export function RequestPanel({
  keyRef,
  onKeyRef,
  keyError,
  metadata,
  describeError: failure,
  describing,
  askKeyType,
  keyTypeUnknownBecause,
  chosenKind,
  onChosenKind,
  context,
}: {
  keyRef: string;
  onKeyRef(value: string): void;
  keyError: string | undefined;
  metadata: KeyMetadata | undefined;
  describeError: unknown;
  describing: boolean;
  /** DescribeKey was denied: the user says which type the key is (kept while a lookup runs). */
  askKeyType: boolean;
  /** Why the key type is asked: DescribeKey was denied, or its answer left KeyUsage out. */
  keyTypeUnknownBecause: 'denied' | 'usage-missing';
  chosenKind: ChosenKind;
  onChosenKind(kind: ChosenKind): void;
  context: ContextField;
}) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Any key ID, key ARN, alias name or alias ARN, including another account's key by its ARN."
        >
          Key and encryption context
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField
          label="Key"
          errorText={keyError}
          constraintText={
            metadata ? (
              <Box variant="span" fontSize="body-s">
                {[metadata.Arn, metadata.KeySpec, metadata.KeyUsage, metadata.KeyState]
                  .filter(Boolean)
                  .join(' · ')}
              </Box>
            ) : describing ? (
              'Looking up the key…'
            ) : undefined
          }
        >
          <KeyInput
            value={keyRef}
            onChange={onKeyRef}
            placeholder="alias/demo-app"
            invalid={keyError !== undefined}
          />
        </FormField>
        {askKeyType ? (
          <SpaceBetween size="s">
            {keyTypeUnknownBecause === 'denied' ? (
              <Alert type="info" header="You may not describe this key">
                DescribeKey answered AccessDenied, so the console cannot tell the key’s type. It
                assumes a symmetric encryption key; choose the key type if it is another.
              </Alert>
            ) : (
              <Alert type="info" header="This endpoint did not say the key usage">
                DescribeKey’s answer has no KeyUsage, and nothing else in it settles the usage, so
                the console cannot tell which operations apply. It assumes a symmetric encryption
                key; choose the key type if it is another.
              </Alert>
            )}
            <FormField label="Key type" description="Decides which operations are checked.">
              <Select
                selectedOption={KIND_OPTIONS.find((option) => option.value === chosenKind) ?? null}
                onChange={({ detail }) => onChosenKind(detail.selectedOption.value as ChosenKind)}
                options={KIND_OPTIONS}
              />
            </FormField>
          </SpaceBetween>
        ) : failure !== undefined && failure !== null ? (
          <ErrorAlert error={describeError(failure)} header="The key could not be described" />
        ) : null}
        <ContextEditor
          label="Encryption context"
          rows={context.rows}
          onChange={context.setRows}
          evaluation={context.evaluation}
          description="Checked with every operation that takes one. Conditions on kms:EncryptionContext:… keys decide with these pairs, so changing them re-runs the checks."
        />
      </SpaceBetween>
    </Container>
  );
}
