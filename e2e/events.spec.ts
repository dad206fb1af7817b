import { EncryptCommand, GenerateRandomCommand } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { fillBytes, result } from './support/crypto';
import { adminKms, createKey, replicatedKey } from './support/kms';
import { ADMIN_ACCESS_KEY, signInAs, signInWithAccessKeys, signOut } from './support/sign-in';

test.describe.configure({ timeout: 120_000 });

const ACCOUNT = '111122223333';
const keyArn = (keyId: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`;

/** The Event history's filters, as a user sets them. */
async function filterEvents(
  page: Page,
  filters: { key?: string; user?: string; operation?: string; outcome?: string },
): Promise<void> {
  if (filters.key) await page.getByLabel('Key', { exact: true }).fill(filters.key);
  if (filters.user) await page.getByLabel('User', { exact: true }).fill(filters.user);
  if (filters.operation) {
    await page.getByRole('combobox', { name: 'Operation' }).fill(filters.operation);
  }
  if (filters.outcome) {
    await page.getByRole('button', { name: /^Outcome/ }).click();
    await page.getByRole('option', { name: filters.outcome, exact: true }).click();
  }
}

function eventsTable(page: Page) {
  return page.getByRole('table', { name: 'Events' });
}

test("the operator's denied Decrypt is in the event history, and Explain says which condition it missed", async ({
  page,
  baseURL,
}) => {
  // An application's ciphertext, made with department=finance on a key of its own.
  const kms = adminKms(baseURL ?? '');
  const keyId = await createKey(kms, 'events: denied decrypt');
  const { CiphertextBlob } = await kms.send(
    new EncryptCommand({
      KeyId: keyId,
      Plaintext: new TextEncoder().encode('payroll 2030'),
      EncryptionContext: { department: 'finance' },
    }),
  );
  const pasted = Buffer.from(CiphertextBlob!).toString('base64');

  // The operator pastes it into Decrypt without the context: AccessDenied.
  await signInAs(page, 'operator', '/decrypt');
  await fillBytes(page, 'Ciphertext', pasted, 'Base64');
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'AccessDeniedException' })).toBeVisible();
  await expect(result(page)).toHaveCount(0);
  await signOut(page);

  // The auditor looks for it.
  await signInAs(page, 'auditor', '/events');
  await expect(page.getByRole('heading', { name: 'Event history', level: 1 })).toBeVisible();
  await filterEvents(page, { key: keyId, user: 'KmsOperator', outcome: 'Denied' });
  const rows = eventsTable(page).getByRole('row');
  // The header row and the one denied Decrypt on this key.
  await expect(rows).toHaveCount(2);
  const denied = rows.nth(1);
  await expect(denied).toContainText('Decrypt');
  await expect(denied).toContainText('KmsOperator/CognitoIdentityCredentials');
  await expect(denied).toContainText('Denied');
  await expect(denied).toContainText('AccessDeniedException');

  // The event as CloudTrail recorded it: who, what, the key; never the ciphertext.
  await denied.getByRole('button', { name: /^Decrypt by KmsOperator/ }).click();
  const dialog = page.getByRole('dialog');
  const record = dialog.getByLabel('Event record');
  await expect(record).toContainText('"errorCode": "AccessDeniedException"');
  await expect(record).toContainText(keyArn(keyId));
  await expect(record).toContainText('"encryptionAlgorithm": "SYMMETRIC_DEFAULT"');
  await expect(record).not.toContainText(pasted.slice(0, 40));
  await dialog.getByRole('link', { name: /^Explain why kms:Decrypt was denied/ }).click();

  // Explained for the operator, with the policies as they are now.
  await expect(page.getByRole('heading', { name: 'Permissions', level: 1 })).toBeVisible();
  const explained = page.getByRole('region', { name: 'Recorded denial' });
  await expect(
    explained.getByRole('heading', { name: 'Why kms:Decrypt was denied to role KmsOperator' }),
  ).toBeVisible();
  await expect(explained).toContainText('as they are now');
  await expect(explained).toContainText(/allows kms:Decrypt only when its conditions hold/);
  const unmet = explained.getByRole('region', { name: 'Conditions not met for Decrypt' });
  await expect(unmet).toContainText('UseKeysForKnownDepartments');
  await expect(unmet).toContainText(
    'kms:EncryptionContext:department is "finance" or "engineering": the request had none.',
  );
  // Least privilege: never an Allow without the condition, and no retry as someone else.
  await expect(explained.getByLabel('Suggested statement for Decrypt')).toHaveCount(0);
  await expect(explained.getByRole('button', { name: /^Try with/ })).toHaveCount(0);

  // The link reproduces the explanation.
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Recorded denial' })
      .getByRole('region', { name: 'Conditions not met for Decrypt' }),
  ).toContainText('the request had none');
});

test('the Usage tab says who used the key, and Schedule deletion warns about it', async ({
  page,
  baseURL,
}) => {
  const kms = adminKms(baseURL ?? '');
  const keyId = await createKey(kms, 'events: usage');
  const unused = await createKey(kms, 'events: unused');

  // The admin encrypts with the key from the console.
  await signInAs(page, 'admin', `/encrypt?keyId=${keyId}`);
  await fillBytes(page, 'Plaintext', 'invoice 42');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(result(page)).toBeVisible();

  await page.goto(`/keys/${keyId}`);
  await page.getByRole('tab', { name: 'Usage' }).click();
  await expect(page.getByRole('status').filter({ hasText: /in the last 90 days/ })).toBeVisible();
  const usage = page.getByRole('tabpanel');
  await expect(usage).toContainText(/Last used by\s*KmsAdmin\/CognitoIdentityCredentials/);
  await expect(usage).toContainText(/Last operation\s*Encrypt/);
  const principals = page.getByRole('table', { name: 'Principals' });
  const admin = principals
    .getByRole('row')
    .filter({ hasText: 'KmsAdmin/CognitoIdentityCredentials' });
  // One use (the Encrypt); the page's own DescribeKey, GetKeyPolicy… are calls, not uses.
  await expect(admin.getByRole('cell').nth(1)).toHaveText('1');
  await expect(admin.getByRole('cell').nth(2)).toHaveText('0');

  // Scheduling its deletion warns that it is in use.
  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Schedule key deletion' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('This key was used recently')).toBeVisible();
  await expect(dialog).toContainText('KmsAdmin/CognitoIdentityCredentials called Encrypt with it');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A key nobody used says so, and says how far the history goes.
  await page.goto(`/keys/${unused}`);
  await page.getByRole('button', { name: 'Key actions' }).click();
  await page.getByRole('menuitem', { name: 'Schedule key deletion' }).click();
  await expect(page.getByRole('dialog').getByText('No use in the last 90 days')).toBeVisible();
  await expect(page.getByRole('dialog').getByText('This key was used recently')).toHaveCount(0);
});

test("a replica's Region has the CreateKey that ReplicateKey recorded there, found by the replica's key", async ({
  page,
  baseURL,
}) => {
  const kms = adminKms(baseURL ?? '');
  const keyId = await replicatedKey(kms, 'sa-east-1', 'events: replicated');
  const replicaArn = `arn:aws:kms:sa-east-1:${ACCOUNT}:key/${keyId}`;

  // The admin IAM user opens the event history in the replica's Region and pastes its ARN.
  await signInWithAccessKeys(page, ADMIN_ACCESS_KEY, '/events');
  await page.getByRole('button', { name: /^Region us-east-1,/ }).click();
  await page.getByRole('menuitemcheckbox', { name: /^South America \(Sao Paulo\)/ }).click();
  await expect(page.getByRole('button', { name: /^Region sa-east-1,/ })).toBeVisible();
  await filterEvents(page, { key: replicaArn, operation: 'CreateKey' });
  const rows = eventsTable(page).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('CreateKey');
  await expect(rows.nth(1)).toContainText('admin');
  await expect(rows.nth(1)).toContainText(keyId);

  await rows
    .nth(1)
    .getByRole('button', { name: /^CreateKey by/ })
    .click();
  const record = page.getByRole('dialog').getByLabel('Event record');
  await expect(record).toContainText('"awsRegion": "sa-east-1"');
  await expect(record).toContainText('"invokedBy": "kms.amazonaws.com"');
  await expect(record).toContainText(`"ARN": "${replicaArn}"`);
});

test('the operator may not read the event history, and is told why', async ({ page }) => {
  await signInAs(page, 'operator', '/events');
  await expect(page.getByText('The event history is not open to you')).toBeVisible();
  const alert = page
    .getByRole('group')
    .filter({ hasText: 'The event history is not open to you' })
    .last();
  await expect(alert).toContainText('cloudtrail:LookupEvents');
  await expect(page.getByRole('table', { name: 'Events' })).toHaveCount(0);
});

declare global {
  interface Window {
    /** Each React commit on the Event history page: the status line then, and whether the table redrew. */
    eventTableCommits?: { status: string; tableRedrawn: boolean }[];
  }
}

/**
 * Records every React commit through the hook React offers its developer tools: after each one,
 * whether the events `<table>` was redrawn (React hands a redrawn element a new props object) and
 * what the status line said.
 */
function watchTableCommits(): void {
  const commits: { status: string; tableRedrawn: boolean }[] = [];
  window.eventTableCommits = commits;
  let lastProps: unknown;
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot() {
        const table = document.querySelector('table');
        if (!table) return;
        const propsKey = Object.keys(table).find((name) => name.startsWith('__reactProps$'));
        const props: unknown = propsKey
          ? (table as unknown as Record<string, unknown>)[propsKey]
          : undefined;
        const status = [...document.querySelectorAll('[role="status"]')]
          .map((node) => node.textContent ?? '')
          .join(' | ');
        commits.push({ status, tableRedrawn: props !== lastProps });
        lastProps = props;
      },
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      checkDCE: () => undefined,
    },
  });
}

test('while a filter reads on through the history, only the status line redraws, not the table', async ({
  page,
  baseURL,
}) => {
  // A few hundred events none of which the filter will match.
  const kms = adminKms(baseURL ?? '');
  for (let batch = 0; batch < 8; batch += 1) {
    await Promise.all(
      Array.from({ length: 50 }, () => kms.send(new GenerateRandomCommand({ NumberOfBytes: 8 }))),
    );
  }
  // CloudTrail answers LookupEvents at about 2 requests a second; the sandbox at once. Answering
  // at CloudTrail's pace keeps the scan reading long enough for several progress reports.
  await page.route('**/*', async (route) => {
    if (route.request().headers()['x-amz-target']?.endsWith('.LookupEvents')) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await route.fallback();
  });
  await page.addInitScript(watchTableCommits);

  await signInAs(page, 'auditor', '/events');
  await expect(eventsTable(page).getByRole('row')).not.toHaveCount(0);
  await filterEvents(page, { user: 'nobody-by-this-name' });
  await expect(page.getByRole('status').filter({ hasText: /^0 events match, of \d/ })).toBeVisible({
    timeout: 60_000,
  });

  const commits = (await page.evaluate(() => window.eventTableCommits)) ?? [];
  const reading = /Looked through [\d,]+ events; 0 match so far/;
  // Commits that only moved the progress count: the status changed, and no match was found.
  const progressOnly = commits.filter(
    (commit, index) =>
      index > 0 &&
      reading.test(commit.status) &&
      reading.test(commits[index - 1].status) &&
      commit.status !== commits[index - 1].status,
  );
  expect(progressOnly.length).toBeGreaterThanOrEqual(2);
  expect(progressOnly.filter((commit) => commit.tableRedrawn)).toEqual([]);
});
