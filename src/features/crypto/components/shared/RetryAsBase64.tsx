import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { base64ReadAsText, howRead } from '../../../../bytes/byte-input-model';
import type { ByteField } from '../../../../bytes/use-byte-field';
import { describeError } from '../../../../kms/errors';

/**
 * How the ciphertext field read its text when the request was sent, so a failure can say that
 * base64 was read as text and offer to send it again read as base64.
 */
export function useCiphertextRead(field: ByteField) {
  const [sent, setSent] = useState<{ read: ReturnType<typeof howRead>; asBase64?: Uint8Array }>();
  return {
    /** Notes how the field reads its text now, as the request is sent. */
    remember: () =>
      setSent({ read: howRead(field.value), asBase64: base64ReadAsText(field.value) }),
    read: sent?.read,
    /** The sent text's bytes read as base64, when it was valid base64 read as text. */
    asBase64: sent?.asBase64,
    /** Reads the field's text as Base64 from now on (the retry is sent so). */
    switchToBase64: () => {
      field.setFormat('base64');
      setSent({ read: 'base64' });
    },
  };
}

/**
 * "Retry as Base64" under an InvalidCiphertextException whose ciphertext was base64 read as text:
 * the field switches to Base64 (the same text) and the request is sent again with its bytes.
 */
export function RetryAsBase64({
  error,
  read,
  retry,
}: {
  error: unknown;
  read: ReturnType<typeof useCiphertextRead>;
  retry(ciphertext: Uint8Array): void;
}) {
  const bytes = read.asBase64;
  if (!bytes || describeError(error).name !== 'InvalidCiphertextException') return null;
  return (
    <Button
      onClick={() => {
        read.switchToBase64();
        retry(bytes);
      }}
    >
      Retry as Base64
    </Button>
  );
}
