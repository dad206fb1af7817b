import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { contextParameter } from '../bytes/encryption-context';
import { useKmsClient } from '../session/SessionProvider';
import { ErrorDetails } from '../ui/ErrorAlert';
import { useFollow } from '../ui/navigation';
import { runDryRun, type DryRunOutcome, type DryRunRequest } from './dry-run';
import { DryRunStatus } from './DryRunStatus';

export interface CheckPermissionButtonProps {
  /** The form's request as it would be sent; undefined while the form is incomplete. */
  request: DryRunRequest | undefined;
  /** Called instead when the form is incomplete, so it can show its errors. */
  onInvalid?: () => void;
}

/**
 * "Check permission": sends the form's own request with `DryRun: true` (Decrypt and ReEncrypt
 * without ciphertext add IGNORE_CIPHERTEXT) and shows whether it would succeed or the real
 * reason it would fail. Nothing is performed, so it is safe to press at any time.
 */
export function CheckPermissionButton({ request, onInvalid }: CheckPermissionButtonProps) {
  const kms = useKmsClient();
  const follow = useFollow();
  const [pending, setPending] = useState(false);
  // Only the outcome and a link are kept: the request may carry plaintext.
  const [shown, setShown] = useState<{ outcome: DryRunOutcome; link: string | undefined }>();
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const check = async () => {
    if (request === undefined) {
      onInvalid?.();
      return;
    }
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPending(true);
    const outcome = await runDryRun(kms, request, { signal: controller.signal });
    if (inFlight.current !== controller) return;
    inFlight.current = null;
    setPending(false);
    setShown({ outcome, link: permissionsLink(request) });
  };

  const link = shown?.link;
  return (
    <>
      <Button formAction="none" iconName="security" loading={pending} onClick={() => void check()}>
        Check permission
      </Button>
      {shown ? (
        <Modal
          visible
          onDismiss={() => setShown(undefined)}
          header={`Check permission: ${shown.outcome.operation}`}
          footer={
            <Box float="right">
              <Button variant="primary" onClick={() => setShown(undefined)}>
                Close
              </Button>
            </Box>
          }
        >
          <SpaceBetween size="s">
            <div role="status">
              <DryRunStatus outcome={shown.outcome} />
            </div>
            <Box variant="p" color="text-body-secondary">
              {sentWords(shown.outcome)}
            </Box>
            {shown.outcome.caveat ? <Box variant="p">{shown.outcome.caveat}</Box> : null}
            {shown.outcome.error && shown.outcome.verdict !== 'would-succeed' ? (
              <ErrorDetails error={shown.outcome.error} />
            ) : null}
            {shown.outcome.verdict === 'performed' || shown.outcome.withheld ? (
              <Box variant="p">{shown.outcome.message}</Box>
            ) : null}
            {link ? (
              <Link href={link} onFollow={follow}>
                See every operation for this key on the Permissions page
              </Link>
            ) : null}
          </SpaceBetween>
        </Modal>
      ) : null}
    </>
  );
}

function sentWords(outcome: DryRunOutcome): string {
  if (outcome.withheld) return 'Not sent: nothing was changed.';
  if (outcome.verdict === 'performed') {
    return 'Sent with DryRun, which this endpoint ignores: it performed the request, which changes nothing.';
  }
  return 'Sent with DryRun: KMS checked the request and changed nothing.';
}

/** The Permissions page for the same key and context (non-secret values only). */
function permissionsLink(request: DryRunRequest): string | undefined {
  const input = request.input as {
    KeyId?: string;
    SourceKeyId?: string;
    DestinationKeyId?: string;
    EncryptionContext?: Record<string, string>;
    SourceEncryptionContext?: Record<string, string>;
  };
  const keyId = input.KeyId ?? input.SourceKeyId ?? input.DestinationKeyId;
  if (!keyId) return undefined;
  const params = new URLSearchParams({ keyId });
  const context = contextParameter(input.EncryptionContext ?? input.SourceEncryptionContext);
  if (context) params.set('context', context);
  return `/permissions?${params.toString()}`;
}
