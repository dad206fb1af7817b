/**
 * Saves bytes as a binary file, exactly as they are: no text encoding, no newline, so the AWS CLI
 * reads it back with `fileb://`. The object URL is revoked right away (the click has started the
 * download), so the bytes are not kept reachable.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  // A copy backed by a plain ArrayBuffer: Blob does not take views of SharedArrayBuffer.
  const blob = new Blob([bytes.slice()], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
