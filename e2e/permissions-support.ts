import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/* Locators shared by the permissions specs, written against the page's accessible names. */

export function matrix(page: Page): Locator {
  return page.getByRole('table', { name: 'Permission matrix' });
}

/** A table's row whose row header is exactly `operation`. */
export function operationRow(table: Locator, operation: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: operation, exact: true }) });
}

export function row(page: Page, operation: string): Locator {
  return operationRow(matrix(page), operation);
}

/** Waits until the matrix reports it checked exactly this (key and context included). */
export async function expectChecked(page: Page, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const status = text.startsWith('Checked ')
    ? new RegExp(`^${escaped}`)
    : new RegExp(`^Checked \\d+ operations .*${escaped}`);
  await expect(page.getByRole('status').filter({ hasText: status })).toBeVisible();
}

export async function chooseKey(page: Page, keyRef: string): Promise<void> {
  const keyField = page.getByRole('combobox', { name: 'Key', exact: true });
  await keyField.fill(keyRef);
  await keyField.press('Escape');
}

export const DENIED_BY_IAM = 'Denied: no identity-based policy allows it';

export const SYMMETRIC_OPERATIONS = [
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
] as const;

/** Waits until the side-by-side view reports it checked this key and context for all four. */
export async function expectCompared(page: Page, text: string): Promise<void> {
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Checked as admin, operator, auditor, guest on ${text}` }),
  ).toBeVisible();
}

/** axe finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
