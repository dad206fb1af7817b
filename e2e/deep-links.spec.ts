import { expect, test } from './support/test';
import { signInAs } from './support/sign-in';

/*
 * Every page with a key or a context reads `?keyId=…&context=…` the same way: a context it cannot
 * read is reported, never dropped in silence, and the key still prefills the form.
 */

test.describe.configure({ timeout: 120_000 });

const IGNORED = /The link's context parameter was ignored: .*"department"/;

// Permissions picks its key in a combobox; Files types one key per wrapping key ("Key 1").
const KEY_FIELDS = [
  { path: '/permissions', role: 'combobox', name: 'Key' },
  { path: '/files', role: 'textbox', name: 'Key 1' },
] as const;

for (const { path, role, name } of KEY_FIELDS) {
  test(`${path} says when the link's context cannot be read`, async ({ page }) => {
    await signInAs(page, 'admin', `${path}?keyId=alias/demo-app&context=department`);
    await expect(page.getByText(IGNORED)).toBeVisible();
    await expect(page.getByRole(role, { name, exact: true })).toHaveValue('alias/demo-app');
  });
}
