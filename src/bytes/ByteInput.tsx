import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useId, useRef, type ClipboardEvent, type ReactNode } from 'react';
import { describeSize, INPUT_FORMAT_LABELS, type InputFormat } from './byte-input-model';
import { ByteInputNotes } from './ByteInputNotes';
import { FormatSwitch } from './FormatSwitch';
import type { ByteField } from './use-byte-field';

const FORMAT_OPTIONS = (['text', 'base64', 'hex', 'file'] as const).map((id) => ({
  id,
  text: INPUT_FORMAT_LABELS[id],
}));

const PLACEHOLDERS: Record<InputFormat, string> = {
  text: 'Type or paste text; it is sent as UTF-8.',
  base64: 'Paste base64, e.g. the output of base64 or of the AWS CLI.',
  hex: 'Paste hex digits, e.g. 48656c6c6f.',
  file: '',
};

export interface ByteInputProps {
  label: string;
  field: ByteField;
  description?: ReactNode;
  /** Shows "required" once the user tried to submit with the field empty. */
  showRequired?: boolean;
  rows?: number;
  /** Sensitive values (plaintext) are not spell-checked: the browser may send them to a service. */
  sensitive?: boolean;
}

/** True when a paste replaces the whole text of the field it lands in. */
function pasteReplacesAll(event: ClipboardEvent<HTMLDivElement>): boolean {
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement)) return false;
  return target.selectionStart === 0 && target.selectionEnd === target.value.length;
}

/**
 * A byte field: text (UTF-8), base64, hex or a file, with the decoded size shown live against the
 * operation's limit and decoding errors that say where and why. A paste that fills the field is
 * recognised as base64 or hex in a field of bytes; what a paste or a change of format did is said
 * under the field.
 */
export function ByteInput({
  label,
  field,
  description,
  showRequired,
  rows = 4,
  sensitive,
}: ByteInputProps) {
  const id = useId();
  const { value, evaluation, limit } = field;
  // Set by the paste event, read by the change it causes (the change alone cannot tell a paste).
  const pastedOverAll = useRef(false);
  const errorText =
    evaluation.error ??
    (showRequired && evaluation.empty ? `Enter the ${label.toLowerCase()}.` : undefined);
  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <FormField
        label={<span id={`${id}-label`}>{label}</span>}
        description={description}
        constraintText={<span aria-live="polite">{describeSize(evaluation, limit)}</span>}
        errorText={errorText}
        stretch
      >
        <SpaceBetween size="xs">
          <FormatSwitch<InputFormat>
            label="Input format"
            value={value.format}
            options={FORMAT_OPTIONS}
            onChange={field.setFormat}
          />
          {value.format === 'file' ? (
            <FileUpload
              value={value.file?.handle ? [value.file.handle] : []}
              onChange={({ detail }) => field.chooseFile(detail.value[0])}
              showFileSize={false}
              i18nStrings={{
                uploadButtonText: () => 'Choose file',
                dropzoneText: () => 'Drop a file to use its bytes',
                removeFileAriaLabel: () => 'Remove file',
                errorIconAriaLabel: 'Error',
              }}
              constraintText={
                value.file
                  ? `${value.file.name}: ${value.file.size.toLocaleString('en-US')} bytes`
                  : undefined
              }
            />
          ) : (
            <div
              onPaste={(event) => {
                pastedOverAll.current = pasteReplacesAll(event);
              }}
            >
              <Textarea
                value={value.text}
                onChange={({ detail }) => {
                  // Text arriving at once in an empty field was pasted (or dropped) there.
                  const replacedAll = pastedOverAll.current || value.text.trim() === '';
                  pastedOverAll.current = false;
                  field.setText(detail.value, replacedAll);
                }}
                rows={rows}
                placeholder={PLACEHOLDERS[value.format]}
                spellcheck={!sensitive && value.format === 'text'}
                disableBrowserAutocorrect={sensitive || value.format !== 'text'}
                invalid={errorText !== undefined}
              />
            </div>
          )}
          <ByteInputNotes field={field} />
        </SpaceBetween>
      </FormField>
    </div>
  );
}
