import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useByteField, type ByteField } from '../../../../bytes/use-byte-field';
import type { CryptoErrorHints } from '../../../../kms/crypto-errors';
import { useKmsClient } from '../../../../session/SessionProvider';
import { ciphertextHints, type SentCiphertext } from '../../model/ciphertext-origins';
import { CIPHERTEXT_MAX } from '../../model/key-capabilities';
import { initialCiphertext } from './initial-ciphertext';
import type { OperationCall } from './KeyedOperationForm';
import { RetryAsBase64, useCiphertextRead } from './RetryAsBase64';

export interface CiphertextRequest<I> {
  /** The Ciphertext field: Base64 as it opens, or what another page handed over. */
  ciphertext: ByteField;
  /** The request last sent, so a failure is explained with what was sent, not what is typed. */
  sent: I | undefined;
  /** The form's call: notes how the ciphertext was read, then sends. */
  call: OperationCall<I>;
  errorHints: CryptoErrorHints;
  /** "Retry as Base64" when base64 was read as text and KMS refused it. */
  errorAction: ReactNode;
}

/**
 * What Decrypt and ReEncrypt share: a request that starts from a ciphertext, whose failure is
 * explained with the key that made it and how the pasted text was read.
 */
export function useCiphertextRequest<I extends { CiphertextBlob?: Uint8Array }>(
  operation: 'Decrypt' | 'ReEncrypt',
  operationCall: { state: OperationCall<I>['state']; run(input: I): Promise<unknown> },
  /** What the sent request says of the ciphertext's key, algorithm and context. */
  describeSent: (sent: I) => Omit<SentCiphertext, 'ciphertext'>,
): CiphertextRequest<I> {
  const location = useLocation();
  const kms = useKmsClient();
  const ciphertext = useByteField(
    { max: CIPHERTEXT_MAX, min: 1, subject: `${operation} takes a CiphertextBlob of` },
    { binary: true, initial: () => initialCiphertext(location.state) },
  );
  const [sent, setSent] = useState<I>();
  const read = useCiphertextRead(ciphertext);
  const send = (ready: I) => {
    setSent(ready);
    return operationCall.run(ready);
  };
  return {
    ciphertext,
    sent,
    call: {
      state: operationCall.state,
      run: (ready: I) => {
        read.remember();
        return send(ready);
      },
    },
    errorHints: {
      ...ciphertextHints(kms, sent && { ciphertext: sent.CiphertextBlob, ...describeSent(sent) }),
      ciphertextRead: read.read,
    },
    errorAction: (
      <RetryAsBase64
        error={operationCall.state.error}
        read={read}
        retry={(bytes) => sent && void send({ ...sent, CiphertextBlob: bytes })}
      />
    ),
  };
}
