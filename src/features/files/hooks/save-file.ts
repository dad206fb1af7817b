/**
 * Saves a finished result through a temporary object URL. The URL points at the Blob in memory
 * (it carries no content), and is revoked once the browser has taken the download.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download; an unrevoked URL would keep its bytes in the
  // browser's Blob store (a second's grace for browsers that resolve the URL late).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
