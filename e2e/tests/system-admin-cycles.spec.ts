import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts } from '../support/demo-accounts';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

const HEADER = 'code,section,title,level,ce_plus_skippable';

function csv(name: string, body: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${body}`) };
}

async function fitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('assessment cycles (system admin)', () => {
  test('adds a cycle, moves its deadline, and imports its question set after a preview, with bad rows named', async ({
    page,
  }) => {
    test.slow();
    // Cycles are national and the e2e database outlives a run: a far-off year of this run's own.
    const first = 2200 + Math.floor(Math.random() * 700);
    const code = `${first}-${String((first + 1) % 100).padStart(2, '0')}`;

    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await new Shell(page).openManagePage('Cycles', 'Manage portal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessment cycles');
    await expect(page.getByTestId('current-cycle')).toContainText('Today is in the');
    await expectNoAccessibilityViolations(page);

    const form = page.getByTestId('create-cycle-form');
    await form.getByLabel('Cycle', { exact: true }).fill(code);
    await form.getByLabel('Day').fill('30');
    await form.getByLabel('Month').fill('9');
    await form.getByLabel('Year').fill(String(first + 1));
    await form.getByRole('button', { name: 'Add cycle' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(
      `Cycle ${code} was added. Open it to import its question set.`,
    );
    await expect(page.locator('.nhsuk-notification-banner')).toBeFocused();
    const row = page.getByTestId('cycles-table').getByRole('row').filter({ hasText: code });
    await expect(row).toContainText(`30 September ${first + 1}`);
    await expect(row).toContainText('No question set');

    await row.getByRole('link', { name: code }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(code);
    await expect(page).toHaveTitle(`Assessment cycle ${code} – DSPT Support Portal`);

    // A deadline past the end of the cycle's second year is named on the date field.
    const deadline = page.getByTestId('cycle-deadline-form');
    await deadline.getByLabel('Day').fill('1');
    await deadline.getByLabel('Month').fill('1');
    await deadline.getByLabel('Year').fill(String(first + 2));
    await deadline.getByRole('button', { name: 'Change deadline' }).click();
    await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
    await expect(page.locator('.nhsuk-error-summary')).toContainText(`no later than ${first + 1}-12-31`);
    await expectNoAccessibilityViolations(page);
    await deadline.getByLabel('Day').fill('31');
    await deadline.getByLabel('Month').fill('7');
    await deadline.getByLabel('Year').fill(String(first + 1));
    await deadline.getByRole('button', { name: 'Change deadline' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`The deadline of ${code} is now 31 July ${first + 1}.`);
    await expect(page.getByTestId('cycle-summary')).toContainText(`31 July ${first + 1}`);

    // A file with bad rows: each one named in the error summary, nothing saved.
    const importForm = page.getByTestId('question-set-import-form');
    await importForm
      .getByLabel('Upload a CSV or XLSX question set')
      .setInputFiles(csv('bad.csv', '1.1.5,Staffing and Roles,Senior person,AS,no\n1.1.5,,Again,XX,maybe\n'));
    await importForm.getByRole('button', { name: 'Check file' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('problems in the file: nothing was imported');
    await expect(summary).toContainText('1.1.5 is already on row 2');
    await expect(summary).toContainText('"XX" is not a level');
    await expectNoAccessibilityViolations(page);

    // A good file: what it would do is shown first, then imported on confirmation.
    await importForm
      .getByLabel('Upload a CSV or XLSX question set')
      .setInputFiles(
        csv(
          'questions.csv',
          '1.1.5,Staffing and Roles,Senior person,AS,no\n9.1.1,IT Systems and Devices,Unsupported software,SM,yes\n',
        ),
      );
    await importForm.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByTestId('import-preview')).toContainText('Check the changes from questions.csv');
    await expect(page.getByTestId('preview-added')).toHaveText('1.1.5, 9.1.1');
    await expect(page.getByTestId('cycle-summary')).toContainText('0 questions');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Import question set' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(
      'The question set was imported: 2 questions, 2 mandatory.',
    );
    await expect(page.getByTestId('cycle-summary')).toContainText('2 questions, 2 mandatory');

    // Made current whatever the date, after a confirmation; then the date decides again, as other tests expect.
    await page.getByRole('button', { name: 'Make this cycle current' }).click();
    const question = page.getByTestId('make-current-confirmation');
    await expect(question.getByRole('heading')).toHaveText(`Make ${code} the current cycle?`);
    await expect(question.getByRole('heading')).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await question.getByRole('button', { name: `Yes, make ${code} current` }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`${code} is now the current cycle.`);
    await expect(page.getByTestId('cycle-current')).toHaveText('Yes, chosen by a system admin');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Back to assessment cycles' }).click();
    await expect(page.getByTestId('current-cycle')).toContainText(`A system admin made ${code} the current cycle.`);
    await expect(page.getByTestId('cycles-table').getByRole('row').filter({ hasText: code })).toContainText('Current');
    await page.getByTestId('cycles-table').getByRole('link', { name: code }).click();
    await page.getByRole('button', { name: 'Let the date decide the current cycle' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText('The date decides the current cycle again.');
    await expect(page.getByTestId('cycle-current')).toHaveText('No');

    // On a phone both pages fit the screen; the list's table stacks.
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Back to assessment cycles' }).click();
    await expect(page.getByTestId('cycles-table')).toContainText(code);
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
  });
});
