import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent, type ReactNode } from 'react';
import { sizeProblem } from '../envelope/limits';
import type { EnvelopeContext } from '../envelope/jobs';
import type { JobRequest } from '../hooks/use-file-jobs';
import { FILE_UPLOAD_STRINGS } from './file-upload-strings';

/** The files chosen for one batch, and what is wrong with them. */
export function useChosenFiles(direction: 'encrypt' | 'decrypt', noneChosen: string) {
  const [files, setFiles] = useState<File[]>([]);
  const fileErrors = files.map((file) => sizeProblem(file, direction) ?? null);
  const problem = files.length === 0 ? noneChosen : undefined;
  return {
    files,
    setFiles,
    fileErrors,
    problem,
    valid: problem === undefined && fileErrors.every((error) => error === null),
  };
}

export type ChosenFiles = ReturnType<typeof useChosenFiles>;

/** The file picker of a batch form: several files, sizes shown, each file's own error. */
export function ChosenFilesField({
  label,
  description,
  constraintText,
  chosen,
  showErrors,
}: {
  label: string;
  description: string;
  constraintText?: string;
  chosen: ChosenFiles;
  showErrors: boolean;
}) {
  return (
    <FormField
      label={label}
      description={description}
      constraintText={constraintText}
      errorText={showErrors ? chosen.problem : undefined}
    >
      <FileUpload
        multiple
        value={chosen.files}
        onChange={({ detail }) => chosen.setFiles(detail.value)}
        fileErrors={chosen.fileErrors}
        showFileSize
        tokenLimit={5}
        i18nStrings={FILE_UPLOAD_STRINGS}
      />
    </FormField>
  );
}

/**
 * A batch form: on submit (when `valid`) every chosen file becomes a job, and the picker is emptied
 * for the next batch. Errors show once the user has tried to submit.
 */
export function FilesBatchForm({
  submitLabel,
  chosen,
  valid,
  envelopeContext,
  job,
  onSubmit,
  children,
}: {
  submitLabel: string;
  chosen: ChosenFiles;
  /** Whether the form's other fields are valid. */
  valid: boolean;
  /** The envelope context at the moment of submitting (cache settings included). */
  envelopeContext: () => EnvelopeContext;
  /** What every file of the batch gets done, with the settings as they are at submit time. */
  job: (snapshot: EnvelopeContext) => Pick<JobRequest, 'kind' | 'task' | 'uncachedCalls'>;
  onSubmit: (jobs: JobRequest[]) => void;
  children: (showErrors: boolean) => ReactNode;
}) {
  const [submitted, setSubmitted] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || !chosen.valid) return;
    const snapshot = envelopeContext();
    const each = job(snapshot);
    onSubmit(
      chosen.files.map((file) => ({ ...each, file, cached: snapshot.cacheSettings.enabled })),
    );
    chosen.setFiles([]);
    setSubmitted(false);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Form
        actions={
          <Button variant="primary" formAction="submit">
            {submitLabel}
          </Button>
        }
      >
        <SpaceBetween size="l">{children(submitted)}</SpaceBetween>
      </Form>
    </form>
  );
}
