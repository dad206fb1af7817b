import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import type { ReactNode } from 'react';
import type { EncryptionAlgorithm } from './use-encryption-algorithm';

export interface AlgorithmSelectProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The algorithms to offer (those of the key, when known). */
  options: readonly string[];
  description?: ReactNode;
  /** An extra first choice meaning "send no algorithm" (the operation's default). */
  defaultLabel?: string;
  errorText?: string;
}

/** A choice among the algorithms a key supports, named as AWS names them. */
export function AlgorithmSelect({
  label,
  value,
  onChange,
  options,
  description,
  defaultLabel,
  errorText,
}: AlgorithmSelectProps) {
  const choices = [
    ...(defaultLabel ? [{ value: '', label: defaultLabel }] : []),
    ...options.map((option) => ({ value: option, label: option })),
  ];
  const selected = choices.find((choice) => choice.value === value) ?? null;
  return (
    <FormField label={label} description={description} errorText={errorText}>
      <Select
        selectedOption={selected}
        onChange={({ detail }) => onChange(detail.selectedOption.value ?? '')}
        options={choices}
        placeholder="Choose an algorithm"
      />
    </FormField>
  );
}

/** An encryption algorithm: SYMMETRIC_DEFAULT is the default of symmetric keys, never of RSA keys. */
export function EncryptionAlgorithmSelect({
  label = 'Encryption algorithm',
  algorithm,
  description,
  errorText,
}: {
  label?: string;
  algorithm: EncryptionAlgorithm;
  description?: ReactNode;
  errorText: string | undefined;
}) {
  return (
    <AlgorithmSelect
      label={label}
      value={algorithm.value}
      onChange={algorithm.setAlgorithm}
      options={algorithm.options.filter((a) => a !== 'SYMMETRIC_DEFAULT')}
      defaultLabel={algorithm.rsaKey ? undefined : 'SYMMETRIC_DEFAULT (default)'}
      description={description}
      errorText={errorText}
    />
  );
}
