import type { KeyMetadata } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import type { ReactNode } from 'react';
import { isKeyReference, parseKeyReference } from '../../../../kms/key-reference';
import { KeyInput } from '../../../../ui/KeyInput';
import { describeKeyFacts } from '../../model/key-capabilities';

/** The message for a key field, or undefined when it is fine (empty and optional is fine). */
export function keyFieldError(value: string, required: boolean): string | undefined {
  if (value.trim() === '') return required ? 'Choose or type a key.' : undefined;
  const parsed = parseKeyReference(value);
  return isKeyReference(parsed) ? undefined : parsed.error;
}

export interface KeyFieldProps {
  label?: string;
  value: string;
  onChange(value: string): void;
  metadata: KeyMetadata | undefined;
  loading?: boolean;
  required?: boolean;
  showErrors: boolean;
  description?: ReactNode;
  placeholder?: string;
}

/** "Key": any key id, key ARN, alias name or alias ARN, with the account's aliases suggested. */
export function KeyField({
  label = 'Key',
  value,
  onChange,
  metadata,
  loading,
  required = true,
  showErrors,
  description = 'Key ID, key ARN, alias name or alias ARN.',
  placeholder,
}: KeyFieldProps) {
  const error = keyFieldError(value, required);
  const shown =
    showErrors || (value.trim() !== '' && error !== undefined && !loading) ? error : undefined;
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
        value={value}
        onChange={onChange}
        invalid={shown !== undefined}
        placeholder={placeholder}
      />
    </FormField>
  );
}
