import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type ReactNode } from 'react';
import type { CliCommand } from '../../cli/cli-command';
import { CliCommandBox } from './CliCommandBox';

export interface OperationFormProps {
  /** The form's heading (the operation, e.g. "Encrypt"), shown when a page has several forms. */
  heading?: string;
  description?: ReactNode;
  /** The operation's button: "Encrypt", "Decrypt", "Generate data key"… */
  submitLabel: string;
  busy: boolean;
  onSubmit(): void;
  /**
   * Builds the command for the current values (undefined while the form is incomplete or invalid).
   * Called only when the command is asked for or shown: the request may hold kilobytes of bytes,
   * and most keystrokes never need it.
   */
  cli(): CliCommand | undefined;
  /** Reveals the fields' errors (the form is incomplete when the user asks for the command). */
  onInvalid(): void;
  /** Further buttons beside the operation's, such as "Check permission" (DryRun). */
  extraActions?: ReactNode;
  children: ReactNode;
}

/**
 * One operation's form: its fields in a container, then "Copy as AWS CLI", any extra actions,
 * and the operation's button (Enter submits).
 */
export function OperationForm({
  heading,
  description,
  submitLabel,
  busy,
  onSubmit,
  cli,
  onInvalid,
  extraActions,
  children,
}: OperationFormProps) {
  const [cliVisible, setCliVisible] = useState(false);
  const [copied, setCopied] = useState<boolean>();

  const copyCli = async () => {
    const command = cli();
    if (!command) {
      onInvalid();
      return;
    }
    setCliVisible(true);
    setCopied(undefined);
    try {
      await navigator.clipboard.writeText(command.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <SpaceBetween size="l">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onSubmit();
        }}
        aria-label={heading ?? submitLabel}
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" iconName="copy" onClick={() => void copyCli()}>
                Copy as AWS CLI
              </Button>
              {extraActions}
              <Button variant="primary" formAction="submit" loading={busy}>
                {submitLabel}
              </Button>
            </SpaceBetween>
          }
        >
          <Container
            header={
              heading ? (
                <Header variant="h2" description={description}>
                  {heading}
                </Header>
              ) : undefined
            }
          >
            <SpaceBetween size="l">{children}</SpaceBetween>
          </Container>
        </Form>
      </form>
      {cliVisible ? (
        <CliCommandBox command={cli()} copied={copied} onDismiss={() => setCliVisible(false)} />
      ) : null}
    </SpaceBetween>
  );
}
