import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import type { ReactNode } from 'react';
import { isKeyReference, parseKeyReference } from '../../../../kms/key-reference';
import { KeyInput } from '../../../../ui/KeyInput';
import { describeKeyFacts } from '../../model/key-capabilities';
import type { KeyChoice } from './use-keyed-request';

/** The message for a key field, or undefined when it is fine (empty and optional is fine). */
export function keyFieldError(value: string, required: boolean): string | undefined {
  if (value.trim() === '') return required ? 'Choose or type a key.' : undefined;
  const parsed = parseKeyReference(value);
  return isKeyReference(parsed) ? undefined : parsed.error;
}

/** How a form words its key field. */
export interface KeyFieldText {
  label?: string;
  /** Which kind of key fits. */
  description?: ReactNode;
  placeholder?: string;
}

export interface KeyFieldProps extends KeyFieldText {
  choice: KeyChoice;
  showErrors: boolean;
  /** Why the described key does not fit the operation: shown at once, before anything is sent. */
  misfit?: string;
}

/** "Key": any key id, key ARN, alias name or alias ARN, with the account's aliases suggested. */
export function KeyField({
  choice,
  label = 'Key',
  showErrors,
  description = 'Key ID, key ARN, alias name or alias ARN.',
  placeholder,
  misfit,
}: KeyFieldProps) {
  const { error, metadata, loading } = choice;
  const shown =
    (showErrors || (choice.id !== '' && error !== undefined && !loading) ? error : undefined) ??
    misfit;
  return (
    <FormField
      label={label}
      description={description}
      errorText={shown}
      constraintText={
        metadata ? (
          <Box variant="span" fontSize="body-s">
            {describeKeyFacts(metadata)}
          </Box>
        ) : loading ? (
          'Looking up the key…'
        ) : undefined
      }
    >
      <KeyInput
        value={choice.keyId}
        onChange={choice.setKeyId}
        invalid={shown !== undefined}
        placeholder={placeholder}
      />
    </FormField>
  );
}
