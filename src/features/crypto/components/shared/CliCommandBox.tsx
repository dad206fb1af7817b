import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId } from 'react';
import { formatByteCount } from '../../../../bytes/codecs';
import { downloadBytes } from '../../../../bytes/download';
import type { CliCommand } from '../../cli/cli-command';

/**
 * The command "Copy as AWS CLI" copied, shown so it can be read and selected, with the files it
 * reads (`fileb://…`): download them next to where the command runs.
 */
export function CliCommandBox({
  command,
  copied,
  onDismiss,
}: {
  command: CliCommand | undefined;
  copied: boolean | undefined;
  onDismiss(): void;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {command ? (
                  <CopyToClipboard
                    variant="button"
                    textToCopy={command.text}
                    copyButtonText="Copy again"
                    copySuccessText="Command copied"
                    copyErrorText="Could not copy: select the command and copy it"
                  />
                ) : null}
                <Button onClick={onDismiss} ariaLabel="Close the AWS CLI command">
                  Close
                </Button>
              </SpaceBetween>
            }
            description={
              copied === false
                ? 'The browser did not allow copying: select the command below and copy it.'
                : copied
                  ? 'Copied to the clipboard. It follows the form as you change it.'
                  : undefined
            }
          >
            <span id={`${id}-title`}>AWS CLI command</span>
          </Header>
        }
      >
        {command ? (
          <SpaceBetween size="s">
            <pre
              tabIndex={0}
              style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 13 }}
            >
              <code>{command.text}</code>
            </pre>
            {command.inputs.length > 0 ? (
              <SpaceBetween size="xxs">
                <Box variant="p">
                  The command reads {command.inputs.length === 1 ? 'this file' : 'these files'} with{' '}
                  <Box variant="code">fileb://</Box> (raw bytes): save{' '}
                  {command.inputs.length === 1 ? 'it' : 'them'} in the directory where you run it.
                </Box>
                <SpaceBetween direction="horizontal" size="xs">
                  {command.inputs.map((file) => (
                    <Button
                      key={file.name}
                      iconName="download"
                      onClick={() => downloadBytes(file.bytes, file.name)}
                    >
                      {`Download ${file.name}`}
                    </Button>
                  ))}
                </SpaceBetween>
                <Box variant="small" color="text-body-secondary">
                  {command.inputs
                    .map(
                      (file) =>
                        `${file.name}: ${file.member}, ${formatByteCount(file.bytes.length)}`,
                    )
                    .join(' · ')}
                </Box>
              </SpaceBetween>
            ) : null}
            {command.outputs.length > 0 ? (
              <Box variant="small">
                Binary results are decoded into {command.outputs.join(', ')}.
              </Box>
            ) : null}
          </SpaceBetween>
        ) : (
          <Alert type="info">Complete the form to see the command.</Alert>
        )}
      </Container>
    </section>
  );
}
