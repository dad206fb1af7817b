import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { signInAs } from './sign-in';

/*
 * Helpers for the cryptographic forms, written against the accessible names of DESIGN.md section 5
 * ("Plaintext", "Ciphertext", "Encryption context", "Result", the AWS response field names).
 */

export const ADMIN_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_DEFAULT_REGION: 'us-east-1',
};

/** A byte field (its group carries the field's name). */
export function byteField(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('group', { name, exact: true });
}

/** Chooses the input format and types `text` into a byte field. */
export async function fillBytes(
  scope: Page | Locator,
  name: string,
  text: string,
  format: 'Text (UTF-8)' | 'Base64' | 'Hex' = 'Text (UTF-8)',
): Promise<void> {
  const field = byteField(scope, name);
  await field
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { name: format })
    .click();
  await field.getByRole('textbox').fill(text);
}

/**
 * Pastes `text` into a byte field as a user does: through the clipboard with Ctrl+V, into the
 * field as it is (no format chosen first).
 */
export async function pasteBytes(page: Page, name: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const box = byteField(page, name).getByRole('textbox');
  await box.focus();
  await box.press('ControlOrMeta+A');
  await box.press('ControlOrMeta+V');
  await expect(box).toHaveValue(text);
}

/** The format a byte field reads its text in (the pressed button of its "Input format"). */
export function inputFormat(scope: Page | Locator, name: string): Locator {
  return byteField(scope, name)
    .getByRole('toolbar', { name: 'Input format' })
    .getByRole('button', { pressed: true });
}

/** Replaces the pairs of a context editor by pasting the CLI shorthand (or JSON). */
export async function setContext(scope: Page | Locator, text: string, name = 'Encryption context') {
  const editor = scope.getByRole('group', { name, exact: true });
  const paste = editor.getByRole('textbox', { name: `Paste ${name.toLowerCase()}` });
  // The editor can change from one view to the other as its page settles: retried until it fills.
  await expect(async () => {
    if (!(await paste.isVisible())) {
      await editor
        .getByRole('button', { name: 'Paste as JSON or key=value pairs' })
        .click({ timeout: 2_000 });
    }
    await paste.fill(text, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await editor.getByRole('button', { name: 'Apply' }).click();
}

export function result(page: Page): Locator {
  return page.getByRole('region', { name: 'Result' });
}

/** The value of a binary result field, in the given output format. */
export async function outputValue(
  page: Page,
  name: string,
  format: 'Text (UTF-8)' | 'Base64' | 'Hex' = 'Base64',
): Promise<string> {
  const field = result(page).getByRole('group', { name, exact: true });
  await field
    .getByRole('toolbar', { name: 'Output format' })
    .getByRole('button', { name: format })
    .click();
  const box = field.getByRole('textbox', { name: `${name} (${format})` });
  await expect(box).toBeVisible();
  return (await box.textContent()) ?? '';
}

/** A text result field (`KeyId`, `EncryptionAlgorithm`…). */
export function resultField(page: Page, name: string): Locator {
  return result(page).getByRole('group', { name, exact: true });
}

export async function chooseKey(page: Page, keyId: string, label = 'Key'): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(keyId);
  await input.press('Escape');
}

/** Clicks "Copy as AWS CLI" and returns the command shown in the AWS CLI command box. */
export async function copyAsCli(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy as AWS CLI' }).click();
  const code = page
    .getByRole('region', { name: 'AWS CLI command' })
    .getByRole('code')
    .filter({ hasText: /^aws kms / });
  await expect(code).toContainText('aws kms');
  return (await code.textContent()) ?? '';
}

/** Saves what a download button produces into `dir` and returns its path. */
export async function download(page: Page, button: Locator, dir: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await button.click();
  const file = await pending;
  const path = `${dir}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return path;
}

/** Runs a copied AWS CLI command as the demo admin, in `dir` (where the files it names are). */
export function runCli(command: string, dir: string): string {
  return execFileSync('/bin/sh', ['-c', command], {
    cwd: dir,
    env: { ...process.env, ...ADMIN_CREDENTIALS },
    encoding: 'utf8',
  });
}

/**
 * Fills the Activity panel with one call of each outcome, as a user would: encrypts `plaintext`
 * under alias/demo-app with department=finance, sends it to Decrypt and decrypts it with a changed
 * context, which KMS refuses. Returns the Encrypt's request ID.
 */
export async function encryptThenDecryptRefused(page: Page, plaintext: string): Promise<string> {
  await signInAs(page, 'admin', '/encrypt?keyId=alias/demo-app&context=department=finance');
  await fillBytes(page, 'Plaintext', plaintext);
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(result(page)).toBeVisible();
  const requestId = (await result(page)
    .getByText(/^Request ID /)
    .textContent())!.replace('Request ID ', '');
  await result(page).getByRole('button', { name: 'Send to Decrypt' }).click();
  // The Encrypt page's context editor must not be the one setContext finds.
  await expect(page).toHaveURL(/\/decrypt/);
  await setContext(page, 'department=marketing');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'InvalidCiphertextException' }),
  ).toBeVisible();
  return requestId;
}
