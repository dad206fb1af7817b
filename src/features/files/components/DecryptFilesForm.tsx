import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDeepLink } from '../../../ui/deep-link';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { decryptFile, type DecryptSettings } from '../envelope/decrypt-file';
import { inspectFile, type MessageSummary } from '../envelope/header';
import type { EnvelopeContext } from '../envelope/jobs';
import { ContextEditor } from '../../../bytes/ContextEditor';
import { useEnvelopeContext } from '../hooks/use-envelope-context';
import type { JobRequest } from '../hooks/use-file-jobs';
import { ChosenFilesField, FilesBatchForm, useChosenFiles } from './ChosenFiles';
import { MessageInspector } from './MessageInspector';

export interface DecryptFilesFormProps {
  region: string;
  envelopeContext: () => EnvelopeContext;
  onSubmit: (jobs: JobRequest[]) => void;
}

type Inspection = { summary: MessageSummary } | { error: unknown };

/** Reads the header of every chosen file as soon as it is chosen (a few KiB each). */
function useInspections(files: readonly File[]): ReadonlyMap<File, Inspection> {
  const [results, setResults] = useState<ReadonlyMap<File, Inspection>>(() => new Map());
  const started = useRef(new WeakSet<File>());
  useEffect(() => {
    for (const file of files) {
      if (started.current.has(file)) continue;
      started.current.add(file);
      const settle = (inspection: Inspection) =>
        setResults((old) => new Map(old).set(file, inspection));
      inspectFile(file).then(
        (summary) => settle({ summary }),
        (error: unknown) => settle({ error }),
      );
    }
  }, [files]);
  return results;
}

/** Choose encrypted files, see what their headers say, then decrypt with the keys you choose. */
export function DecryptFilesForm({ region, envelopeContext, onSubmit }: DecryptFilesFormProps) {
  const link = useDeepLink();
  const chosen = useChosenFiles('decrypt', 'Choose at least one encrypted file.');
  const { files } = chosen;
  const contextField = useEnvelopeContext(link.contextRows);
  const [deselected, setDeselected] = useState<ReadonlySet<string>>(new Set());
  const inspections = useInspections(files);

  // Every KMS key named by a chosen file's header, in the order they appear.
  const keyArns = useMemo(() => {
    const arns = new Set<string>();
    for (const file of files) {
      const inspection = inspections.get(file);
      if (inspection && 'summary' in inspection) {
        for (const edk of inspection.summary.encryptedDataKeys) {
          if (edk.isKms) arns.add(edk.providerInfo);
        }
      }
    }
    return [...arns];
  }, [files, inspections]);
  const usable = (arn: string) => (/^arn:[^:]+:kms:([^:]+):/.exec(arn)?.[1] ?? region) === region;
  const selected = keyArns.filter((arn) => usable(arn) && !deselected.has(arn));

  const { evaluation } = contextField;
  const keysProblem =
    keyArns.length > 0 && selected.length === 0 ? 'Choose at least one key.' : undefined;
  const valid = !keysProblem && evaluation.valid;

  const job = (snapshot: EnvelopeContext) => {
    const settings: DecryptSettings = {
      keyArns: selected,
      expectedContext: evaluation.context ?? {},
    };
    return {
      kind: 'decrypt',
      task: (input, hooks) => decryptFile(input, settings, snapshot, hooks),
      uncachedCalls: 1,
    } satisfies Pick<JobRequest, 'kind' | 'task' | 'uncachedCalls'>;
  };

  return (
    <FilesBatchForm
      submitLabel="Decrypt"
      chosen={chosen}
      valid={valid}
      envelopeContext={envelopeContext}
      job={job}
      onSubmit={onSubmit}
    >
      {(submitted) => (
        <>
          <ChosenFilesField
            label="Encrypted files"
            description="Messages in the AWS Encryption SDK format: from this console, the AWS Encryption CLI or any AWS Encryption SDK."
            chosen={chosen}
            showErrors={submitted}
          />

          {files.map((file) => (
            <InspectorPanel
              key={`${file.name}-${file.size}-${file.lastModified}`}
              file={file}
              inspection={inspections.get(file)}
            />
          ))}

          <FormField
            label="Decrypt with"
            description="The KMS keys named in the headers. The console asks KMS to decrypt the data key copy of the first chosen key it finds, then the next if that fails."
            errorText={keysProblem}
          >
            {keyArns.length === 0 ? (
              <Box color="text-body-secondary">Choose a file to see its keys.</Box>
            ) : (
              <SpaceBetween size="xxs">
                {keyArns.map((arn) => (
                  <Checkbox
                    key={arn}
                    checked={usable(arn) && !deselected.has(arn)}
                    disabled={!usable(arn)}
                    description={usable(arn) ? undefined : `In another region than ${region}.`}
                    onChange={({ detail }) =>
                      setDeselected((old) => {
                        const next = new Set(old);
                        if (detail.checked) next.delete(arn);
                        else next.add(arn);
                        return next;
                      })
                    }
                  >
                    {arn}
                  </Checkbox>
                ))}
              </SpaceBetween>
            )}
          </FormField>

          <ContextEditor
            label="Encryption context"
            description="Pairs the message must carry (it may carry more), checked against the header before KMS is called. Leave empty to accept any context."
            rows={contextField.rows}
            onChange={contextField.setRows}
            evaluation={evaluation}
          />
        </>
      )}
    </FilesBatchForm>
  );
}

function InspectorPanel({ file, inspection }: { file: File; inspection: Inspection | undefined }) {
  const title = `Message header: ${file.name}`;
  return (
    <section aria-label={title}>
      <Container header={<Header variant="h3">{title}</Header>}>
        {inspection === undefined ? (
          <Box>
            <Spinner /> Reading the header…
          </Box>
        ) : 'summary' in inspection ? (
          <MessageInspector summary={inspection.summary} />
        ) : (
          <ErrorAlert error={inspection.error} />
        )}
      </Container>
    </section>
  );
}
