import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { describeError } from '../../../kms/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { isEnvelopeError } from '../envelope/envelope-errors';
import type { JobPhase } from '../envelope/jobs';
import { formatBytes } from '../envelope/limits';
import type { FileJob } from '../hooks/use-file-jobs';

const PHASE_TEXT: Record<JobPhase, string> = {
  reading: 'Reading the file',
  checking: 'Checking the message',
  kms: 'Calling KMS for the data key',
  encrypting: 'Encrypting',
  decrypting: 'Decrypting',
  saving: 'Preparing the download',
};

export interface FileJobsTableProps {
  jobs: readonly FileJob[];
  onCancel: (id: string) => void;
  onDownload: (job: FileJob) => void;
  onRemove: (id: string) => void;
  onClearFinished: () => void;
}

function Status({ job }: { job: FileJob }) {
  switch (job.status) {
    case 'queued':
      return <StatusIndicator type="pending">Waiting</StatusIndicator>;
    case 'running':
      return (
        <ProgressBar
          value={Math.round(job.progress.fraction * 100)}
          ariaLabel={`Progress of ${job.file.name}`}
          additionalInfo={PHASE_TEXT[job.progress.phase]}
        />
      );
    case 'done':
      return (
        <StatusIndicator type="success">
          {job.kind === 'encrypt' ? 'Encrypted' : 'Decrypted'}
          {job.fromCache ? ' (cached data key)' : ''}
        </StatusIndicator>
      );
    case 'failed':
      return <StatusIndicator type="error">{describeError(job.error).title}</StatusIndicator>;
    case 'cancelled':
      return <StatusIndicator type="stopped">Cancelled</StatusIndicator>;
  }
}

function Actions({
  job,
  onCancel,
  onDownload,
  onRemove,
}: { job: FileJob } & Omit<FileJobsTableProps, 'jobs' | 'onClearFinished'>) {
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <Button
        variant="normal"
        ariaLabel={`Cancel ${job.file.name}`}
        onClick={() => onCancel(job.id)}
      >
        Cancel
      </Button>
    );
  }
  return (
    <SpaceBetween direction="horizontal" size="xs">
      {job.blob && job.output ? (
        <Button
          variant="primary"
          iconName="download"
          ariaLabel={`Download ${job.output.fileName}`}
          onClick={() => onDownload(job)}
        >
          Download
        </Button>
      ) : job.downloaded ? (
        <Box variant="small" color="text-body-secondary">
          Downloaded; released from memory
        </Box>
      ) : null}
      <Button
        variant="icon"
        iconName="close"
        ariaLabel={`Remove ${job.file.name}`}
        onClick={() => onRemove(job.id)}
      />
    </SpaceBetween>
  );
}

/** Failure details: KMS's own answer when KMS refused the data key, else the catalogue entry. */
function JobError({ job }: { job: FileJob }) {
  const { error } = job;
  if (isEnvelopeError(error) && error.kmsError !== undefined) {
    return (
      <ErrorAlert
        error={error.kmsError}
        header={`${job.file.name}: ${describeError(error).title}`}
      />
    );
  }
  return <ErrorAlert error={error} header={`${job.file.name}: ${describeError(error).title}`} />;
}

/** Every file of this page: progress and cancel while running, download once done. */
export function FileJobsTable({
  jobs,
  onCancel,
  onDownload,
  onRemove,
  onClearFinished,
}: FileJobsTableProps) {
  const failed = jobs.filter((job) => job.status === 'failed');
  return (
    <SpaceBetween size="m">
      <Table
        variant="container"
        items={jobs}
        trackBy="id"
        ariaLabels={{ tableLabel: 'Files' }}
        header={
          <Header
            variant="h2"
            counter={jobs.length > 0 ? `(${jobs.length})` : undefined}
            actions={
              <Button
                onClick={onClearFinished}
                disabled={!jobs.some((job) => job.status !== 'queued' && job.status !== 'running')}
              >
                Clear finished
              </Button>
            }
            description="Results stay in this page's memory until you remove them or leave the page; results over 16 MiB are released once downloaded."
          >
            Results
          </Header>
        }
        empty={<Box color="text-body-secondary">Encrypted and decrypted files appear here.</Box>}
        columnDefinitions={[
          {
            id: 'file',
            header: 'File',
            cell: (job) => (
              <SpaceBetween size="xxxs">
                <Box fontWeight="bold">{job.file.name}</Box>
                <Box variant="small">
                  {formatBytes(job.file.size)}
                  {job.output ? ` → ${job.output.fileName} (${formatBytes(job.output.size)})` : ''}
                </Box>
              </SpaceBetween>
            ),
          },
          {
            id: 'operation',
            header: 'Operation',
            cell: (job) => (job.kind === 'encrypt' ? 'Encrypt' : 'Decrypt'),
          },
          { id: 'status', header: 'Status', minWidth: 220, cell: (job) => <Status job={job} /> },
          { id: 'kms', header: 'KMS calls', cell: (job) => job.kmsCalls },
          {
            id: 'actions',
            header: 'Actions',
            cell: (job) => (
              <Actions job={job} onCancel={onCancel} onDownload={onDownload} onRemove={onRemove} />
            ),
          },
        ]}
      />
      {failed.map((job) => (
        // A failure appears while the user may be elsewhere on the page: announce it.
        <div role="alert" key={job.id}>
          <JobError job={job} />
        </div>
      ))}
    </SpaceBetween>
  );
}
