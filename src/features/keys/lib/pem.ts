/** File name for a downloaded public key: the alias (without "alias/") or the key id. */
export function publicKeyFileName(name: string, extension: 'pem' | 'der'): string {
  const base = name.replace(/^alias\//, '').replace(/[^\w.-]+/g, '_') || 'public-key';
  return `${base}.${extension}`;
}

/** Starts a browser download of bytes or text (no server round trip). */
export function download(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
