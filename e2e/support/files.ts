import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { setContext } from './crypto';

/*
 * Helpers for the Files page (envelope encryption): choosing files, reading downloads back, and
 * the demo scenario's key ARNs as the message headers record them.
 */

export const DEMO_KEY_ARN =
  'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const PARTNER_KEY_ARN =
  'arn:aws:kms:us-east-1:444455556666:key/9a8f7e6d-4c3b-4b2a-9bea-456789abcdef';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Bytes that are not text and not repetitive, so a wrong byte anywhere shows. */
export function sampleFile(name: string, size: number): FilePayload {
  const buffer = Buffer.alloc(size);
  let state = size ^ 0x9e3779b9;
  for (let index = 0; index < size; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    buffer[index] = state >>> 24;
  }
  return { name, mimeType: 'application/octet-stream', buffer };
}

export function filesTab(page: Page, name: 'Encrypt files' | 'Decrypt files'): Locator {
  return page.getByRole('tabpanel', { name });
}

export async function openTab(page: Page, name: 'Encrypt files' | 'Decrypt files') {
  await page.getByRole('tab', { name }).click();
  return filesTab(page, name);
}

/** Chooses files in the tab's file picker (what dropping them does too). */
export async function chooseFiles(tab: Locator, files: FilePayload[]): Promise<void> {
  await tab.locator('input[type="file"]').setInputFiles(files);
  for (const file of files) await expect(tab.getByText(file.name, { exact: true })).toBeVisible();
}

export function results(page: Page): Locator {
  return page.getByRole('table', { name: 'Files' });
}

/** Clicks the result's Download button and returns the downloaded bytes and file name. */
export async function download(page: Page, fileName: string) {
  const button = results(page).getByRole('button', { name: `Download ${fileName}`, exact: true });
  await expect(button).toBeVisible();
  const [event] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await event.path();
  return { name: event.suggestedFilename(), buffer: await readFile(path) };
}

/** The inspector's panel for one chosen encrypted file. */
export function inspector(page: Page, fileName: string): Locator {
  return page.getByRole('region', { name: `Message header: ${fileName}` });
}

/** The error shown for a failed file (its header names the file). */
export function fileError(page: Page, fileName: string): Locator {
  return page.getByRole('alert').filter({ hasText: `${fileName}:` });
}

/** Encrypts one file on the Encrypt files tab and returns the downloaded message. */
export async function encryptInConsole(
  page: Page,
  file: FilePayload,
  options: { keys: string[]; context?: string },
): Promise<FilePayload> {
  const tab = await openTab(page, 'Encrypt files');
  for (const [index, key] of options.keys.entries()) {
    if (index > 0) await tab.getByRole('button', { name: 'Add key' }).click();
    await tab.getByRole('textbox', { name: `Key ${index + 1}` }).fill(key);
  }
  if (options.context) await setContext(tab, options.context);
  await chooseFiles(tab, [file]);
  await tab.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const { name, buffer } = await download(page, `${file.name}.encrypted`);
  return { name, buffer, mimeType: 'application/octet-stream' };
}

/** Chooses encrypted files on the Decrypt files tab and waits for their headers to be read. */
export async function chooseEncrypted(page: Page, files: FilePayload[]): Promise<Locator> {
  const tab = await openTab(page, 'Decrypt files');
  await chooseFiles(tab, files);
  for (const file of files) {
    await expect(inspector(page, file.name)).not.toContainText('Reading the header');
  }
  return tab;
}

/** The KMS calls column of a file's result row. */
export function kmsCallsOf(page: Page, fileName: string): Locator {
  return results(page).getByRole('row').filter({ hasText: fileName }).getByRole('cell').nth(3);
}
