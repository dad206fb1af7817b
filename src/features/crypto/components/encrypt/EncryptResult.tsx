import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { encodeBytes } from '../../../../bytes/codecs';
import type { EncryptionContext } from '../../../../bytes/encryption-context';
import { contextParameter } from '../../../../bytes/encryption-context';
import { describeCryptoError } from '../../../../kms/crypto-errors';
import { ErrorDetails } from '../../../../ui/ErrorAlert';
import { useKmsOperation } from '../../api/use-kms-operation';
import { deepLinkSearch } from '../../../../ui/deep-link';
import type { CryptoHandoff } from '../../model/handoff';
import { mismatchedContext } from '../../model/mismatch-demo';
import { ResultField, ResultRegion } from '../shared/Result';

export interface EncryptOutcome {
  /** Distinguishes results, so a new one starts without the previous one's demo answer. */
  serial: number;
  /** `browser`: encrypted here with the public key (WebCrypto), not by KMS. */
  source: 'kms' | 'browser';
  result: {
    CiphertextBlob?: Uint8Array;
    KeyId?: string;
    EncryptionAlgorithm?: string;
    requestId?: string;
  };
  /** The key as the user named it, and the context sent: what Decrypt needs. */
  keyId: string;
  context?: EncryptionContext;
}

export function EncryptResult({
  outcome,
  onLeave,
}: {
  outcome: EncryptOutcome;
  /** Called before another page opens with the ciphertext (the form saves itself for Back). */
  onLeave(): Promise<void>;
}) {
  const navigate = useNavigate();
  const demo = useKmsOperation('Decrypt');
  // The region stays mounted from one result to the next; the demo's answer belongs to one.
  const [demoSerial, setDemoSerial] = useState<number>();
  const demoState = demoSerial === outcome.serial ? demo.state : undefined;
  const { result } = outcome;
  const ciphertext = result.CiphertextBlob;
  if (!ciphertext) return null;
  const symmetric = result.EncryptionAlgorithm === 'SYMMETRIC_DEFAULT';
  const changed = mismatchedContext(outcome.context);

  const sendTo = async (page: '/decrypt' | '/re-encrypt') => {
    const handoff: CryptoHandoff = {
      ciphertext: encodeBytes(ciphertext, 'base64'),
      encryptionAlgorithm: symmetric ? undefined : result.EncryptionAlgorithm,
    };
    // Decrypt is told the key (recommended); Re-encrypt's keyId is the destination, left to choose.
    const keyId = page === '/decrypt' ? outcome.keyId : undefined;
    await onLeave();
    await navigate(`${page}${deepLinkSearch(keyId, outcome.context)}`, { state: handoff });
  };

  return (
    <ResultRegion
      description={
        outcome.source === 'browser'
          ? 'Encrypted in this browser with the key’s public key (RSA-OAEP, WebCrypto). KMS Decrypt opens it, given the key and the same algorithm.'
          : result.requestId
            ? `Request ID ${result.requestId}`
            : undefined
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          {symmetric ? (
            <Button
              onClick={() => {
                setDemoSerial(outcome.serial);
                void demo.run({ CiphertextBlob: ciphertext, EncryptionContext: changed });
              }}
              loading={demoState?.status === 'pending'}
            >
              Try a mismatched context
            </Button>
          ) : null}
          <Button onClick={() => void sendTo('/re-encrypt')}>Send to Re-encrypt</Button>
          <Button variant="primary" onClick={() => void sendTo('/decrypt')}>
            Send to Decrypt
          </Button>
        </SpaceBetween>
      }
    >
      <ByteOutput
        name="CiphertextBlob"
        bytes={ciphertext}
        fileName="ciphertext.bin"
        defaultFormat="base64"
      />
      <ResultField name="KeyId">{result.KeyId}</ResultField>
      <ResultField name="EncryptionAlgorithm">{result.EncryptionAlgorithm}</ResultField>
      {demoState?.status === 'error' ? (
        <MismatchAnswer error={demoState.error} encryptedWith={outcome.context} sent={changed} />
      ) : null}
      {demoState?.status === 'success' ? (
        <Alert type="warning" header="Decrypt accepted a different encryption context">
          This endpoint does not bind the encryption context to the ciphertext as AWS KMS does.
        </Alert>
      ) : null}
    </ResultRegion>
  );
}

/**
 * What Decrypt answered the changed context. Only InvalidCiphertextException is the cryptographic
 * check; an AccessDenied comes from a policy before any cryptography, and is said to be that.
 */
function MismatchAnswer({
  error,
  encryptedWith,
  sent,
}: {
  error: unknown;
  encryptedWith: EncryptionContext | undefined;
  sent: EncryptionContext;
}) {
  const described = describeCryptoError(error, 'Decrypt', {
    contextPairs: Object.keys(sent).length,
  });
  const contexts = (
    <Box variant="p">
      Encrypted with <Box variant="code">{contextParameter(encryptedWith) ?? 'no context'}</Box>,
      decrypted with <Box variant="code">{contextParameter(sent)}</Box>:
    </Box>
  );
  if (described.name === 'InvalidCiphertextException') {
    return (
      <Alert type="info" header="Decrypt refused the changed encryption context, as it must">
        <SpaceBetween size="xs">
          {contexts}
          <Box variant="p">
            This is the cryptographic check: KMS authenticates the encryption context with the
            ciphertext, and one extra pair is enough to fail it.
          </Box>
          <ErrorDetails error={described} />
        </SpaceBetween>
      </Alert>
    );
  }
  const denied = described.kind === 'access-denied';
  return (
    <Alert
      type="warning"
      header={
        denied
          ? 'Decrypt was denied before the cryptographic check'
          : 'Decrypt failed before the cryptographic check'
      }
    >
      <SpaceBetween size="xs">
        {contexts}
        <Box variant="p">
          {denied
            ? 'A policy refused the request (AccessDeniedException), so KMS never compared the encryption context with the ciphertext: this does not show the cryptographic check.'
            : `KMS answered ${described.name}, not InvalidCiphertextException: this does not show the cryptographic check.`}
        </Box>
        <ErrorDetails error={described} />
      </SpaceBetween>
    </Alert>
  );
}
