import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

// Every spec runs under the console's CSP (e2e/support/test.ts fails a test on any violation);
// this one covers the parts that load code or styles at run time.

test('the key policy editor (Ace) is styled and loads nothing at run time under the CSP', async ({
  page,
}) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await signInAs(page, 'admin', '/keys/1234abcd-12ab-34cd-56ef-1234567890ab');
  await page.getByRole('tab', { name: 'Key policy' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const panel = page.getByRole('tabpanel');
  const editor = panel.getByRole('textbox');
  await expect(editor).toBeVisible();
  await expect(panel.locator('.ace_text-layer')).toContainText('"Version": "2012-10-17"');
  // ace.css, which Ace may not inject under the CSP, is what lays the editor out.
  const layout = await panel.locator('.ace_scroller').evaluate((element) => {
    const style = getComputedStyle(element);
    return { position: style.position, overflow: style.overflow };
  });
  expect(layout).toEqual({ position: 'absolute', overflow: 'hidden' });
  await editor.press('Control+a');
  await editor.press('Backspace');
  await editor.pressSequentially('{"Version": "2012-10-17", "Statement": [');
  await expect(panel.getByText(/^Not valid JSON/)).toBeVisible();
  await expect(panel.locator('.ace_text-layer')).toContainText('"Statement": [');
  // Ace asked for no script by path (language tools, snippets): they are bundled.
  expect(missing).toEqual([]);
});
