import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage, MyTasksPage, ProviderPage, caseloadUrl } from '../support/caseload-pages';
import { CASELOAD_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { Shell } from '../support/shell';
import { signInSettingUpMfa, signInWithMfa } from '../support/sign-in-flow';

/** The display name the seed gives the caseload LSP's adviser. */
const ADVISER_NAME = 'Greater Manchester Care Digital Adviser';

/** A day `days` from today, as the date field takes it (2026-03-15). */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toLocaleDateString('sv-SE');
}

test.describe('the caseload', () => {
  test('an adviser sorts by priority, completes an item of the top provider, and adds a note and a task', async ({
    page,
  }) => {
    // Setting up MFA waits for a code of its own 30-second step.
    test.slow();
    const caseload = new CaseloadPage(page);
    const provider = new ProviderPage(page);
    const myTasks = new MyTasksPage(page);
    const shell = new Shell(page);

    await signInSettingUpMfa(page, demoAccounts.caseloadAdviser);

    // The caseload is the LSP's home, most urgent first; signed in, focus is on its heading.
    await expect(page).toHaveURL(caseloadUrl(CASELOAD_LSP_SLUG));
    await expect(caseload.heading).toHaveText('Caseload');
    await expect(caseload.heading).toBeFocused();
    await expect(page).toHaveTitle('Caseload – DSPT Support Portal');
    await expect(caseload.count).toContainText('of 40 providers');
    await expect(caseload.columnHeader('Priority')).toHaveAttribute('aria-sort', 'descending');
    await expectNoAccessibilityViolations(page);

    // Sorted another way, then by priority again; each in the address.
    await caseload.sortBy('Provider', /\/caseload\?sort=name$/);
    await expect(caseload.columnHeader('Provider')).toHaveAttribute('aria-sort', 'ascending');
    await expect(caseload.columnHeader('Priority')).not.toHaveAttribute('aria-sort');
    await caseload.sortBy('Priority', /\/caseload$/);
    await expect(caseload.columnHeader('Priority')).toHaveAttribute('aria-sort', 'descending');
    // The header's state changes on the click; the rows follow with the next page's answer.
    await expect
      .poll(async () => {
        const shown = await caseload.priorityScores();
        return shown.length > 0 && shown.every((score, i) => i === 0 || shown[i - 1] >= score);
      })
      .toBe(true);
    // The days to the deadline are said once, above the table; each score opens to its parts and points.
    await expect(caseload.daysToDeadline).toHaveText(
      /(\d+ days? to the deadline|The deadline is today|The deadline passed .+): \d{1,2} \w+ \d{4}\./,
    );
    const priority = caseload.rows.first().getByTestId('priority');
    await expect(priority.getByTestId('priority-parts')).toBeHidden();
    await priority.locator('summary').click();
    await expect(priority.getByTestId('priority-parts')).toBeVisible();
    await expect(priority.getByTestId('priority-parts').locator('li').first()).toHaveText(/^.+: [+]?\d+ points?$/);
    await expect(caseload.columnHeader('Next task')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The At risk view says its rule.
    await caseload.savedView('At risk').click();
    await expect(page).toHaveURL(/\/caseload\?view=at-risk$/);
    await expect(caseload.atRiskRule).toContainText('a priority of 60 or more');
    await expectNoAccessibilityViolations(page);
    await caseload.savedView('All providers').click();
    await expect(page).toHaveURL(/\/caseload$/);

    // The top provider.
    const top = caseload.providerLink(caseload.rows.first());
    const name = await top.innerText();
    await top.click();
    await expect(provider.heading).toHaveText(name);
    await expect(provider.heading).toBeFocused();
    await expect(page).toHaveTitle(`${name} – DSPT Support Portal`);
    // The first screen: who to call, the next task, what to do; a contents list for the long page.
    await expect(provider.keyFacts).toContainText('Main contact');
    await expect(provider.keyFacts).toContainText('Next task');
    await expect(page.getByRole('link', { name: 'Record a call' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Send guidance' })).toBeVisible();
    await provider.contents.getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeFocused();
    await expect(provider.blockers.getByTestId('blocker-section').first()).toBeVisible();
    // On a phone the first screen fits its width.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Record a call' }).scrollIntoViewIfNeeded();
    for (const part of [provider.keyFacts, page.getByTestId('calls-to-action'), provider.contents]) {
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await expectNoAccessibilityViolations(page);
    await page.setViewportSize(desktop ?? { width: 1366, height: 768 });
    const before = await provider.completedCount();
    const [code, ...otherBlockers] = await provider.blockerCodes();
    expect(before.completed).toBeLessThan(before.total);
    await expectNoAccessibilityViolations(page);

    // Completes the first mandatory item the DSPT would name.
    await provider.setQuestionStatus(code, 'Completed', 'Seen done on the DSPT');
    await expect(provider.assessmentConfirmation).toHaveText(`${code} is now completed.`);
    await expect(provider.progress).toHaveText(`${before.completed + 1} of ${before.total} mandatory items completed`);
    await expect(provider.question(code).getByTestId('question-status')).toHaveText('Completed');
    await expect(provider.question(code)).toContainText('Comment: Seen done on the DSPT');
    await expect(provider.blockers.getByText(code, { exact: true })).toHaveCount(0);
    expect(await provider.blockerCodes()).toEqual(otherBlockers);

    // A note of the call, and a task to follow it up.
    const note = `Called the registered manager about ${code} (${Date.now()})`;
    await provider.addNote('Phone call', note);
    await expect(page.getByTestId('notes-confirmation')).toHaveText('Your note was added.');
    await expect(provider.notes.getByTestId('note').first()).toContainText(note);
    const task = `Check the rest of the Staffing and Roles items (${Date.now()})`;
    // A date that is not real is named on its group, with the wrong box marked.
    await provider.addTask(task, '2030-02-30');
    const due = page.getByTestId('task-form').getByRole('group', { name: 'Due date' });
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expect(page.getByTestId('error-summary')).toContainText('Due date must be a real date');
    await expect(due.getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
    await expect(due.getByLabel('Month')).not.toHaveAttribute('aria-invalid');
    await expectNoAccessibilityViolations(page);
    await provider.fillDate(due, dayFromToday(7));
    await page.getByTestId('task-form').getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByTestId('tasks-confirmation')).toHaveText(`Task added: ${task}`);
    await expect(provider.tasks).toContainText(task);
    await expectNoAccessibilityViolations(page);

    // The task is on My tasks, with its provider, until done.
    await shell.navigationLink('My tasks').click();
    await expect(myTasks.heading).toHaveText('My tasks');
    await expect(myTasks.task(task)).toContainText(name);
    await expectNoAccessibilityViolations(page);
    await myTasks.markDone(task);
    await expect(myTasks.confirmation).toHaveText(`Task done: ${task} (${name}).`);
    await expect(myTasks.task(task)).toHaveCount(0);
    // The button went with the task: focus is on the confirmation, not on the page's body.
    await expect(page.locator('.nhsuk-notification-banner')).toBeFocused();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('caseload views', () => {
  test('an LSP admin filters, opens a saved view, goes Back, sorts from the keyboard and assigns an adviser to two providers', async ({
    page,
  }) => {
    test.slow();
    const caseload = new CaseloadPage(page);
    await signInWithMfa(page, demoAccounts.caseloadAdmin);
    await expect(page).toHaveURL(caseloadUrl(CASELOAD_LSP_SLUG));
    await caseload.rows.first().waitFor();

    // Filters go into the address, from the first page.
    await caseload.filters.getByLabel('Status').selectOption({ label: 'Not started' });
    await caseload.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/caseload\?status=not_started$/);
    await caseload.loaded();
    await expect(caseload.rows.first()).toContainText('Not started');
    for (const status of await caseload.rows.locator('td:nth-child(4)').allInnerTexts()) {
      expect(status.trim()).toBe('Not started');
    }

    // A provider, then "Back to the caseload": the same filters, with focus on the heading.
    await caseload.providerLink(caseload.rows.first()).click();
    const provider = new ProviderPage(page);
    await expect(provider.heading).toBeFocused();
    await provider.backToCaseload.click();
    await expect(page).toHaveURL(/\/caseload\?status=not_started$/);
    await expect(caseload.heading).toBeFocused();
    await expect(caseload.filters.getByLabel('Status')).toHaveValue('not_started');

    // A saved view keeps them; Back goes to the view before, with its filters in the form.
    await caseload.savedView('At risk').click();
    await expect(page).toHaveURL(/\/caseload\?view=at-risk&status=not_started$/);
    await expect(caseload.savedView('At risk')).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(page).toHaveURL(/\/caseload\?status=not_started$/);
    await expect(caseload.savedView('All providers')).toHaveAttribute('aria-current', 'page');
    await expect(caseload.filters.getByLabel('Status')).toHaveValue('not_started');

    // The address can be shared: opened afresh, it shows the same.
    await page.reload();
    await expect(caseload.filters.getByLabel('Status')).toHaveValue('not_started');
    await caseload.filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/caseload$/);

    // Sorting works from the keyboard, and focus stays on the button.
    const lastContact = caseload.table.getByRole('button', { name: 'Last contact' });
    await lastContact.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/caseload\?sort=lastContact$/);
    await expect(caseload.columnHeader('Last contact')).toHaveAttribute('aria-sort', 'ascending');
    await expect(lastContact).toBeFocused();

    // Bulk assignment: two providers to the LSP's adviser.
    const first = caseload.rows.nth(0);
    const second = caseload.rows.nth(1);
    const names = [await caseload.providerLink(first).innerText(), await caseload.providerLink(second).innerText()];
    await first.getByRole('checkbox').check();
    await second.getByRole('checkbox').check();
    await page
      .getByLabel('Assign an adviser to the providers you ticked in the table')
      .selectOption({ label: ADVISER_NAME });
    await page.getByRole('button', { name: 'Assign adviser' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`${ADVISER_NAME} is now the adviser of 2 providers.`);
    for (const name of names) {
      await expect(caseload.rows.filter({ hasText: name })).toContainText(ADVISER_NAME);
    }
    // The confirmation takes focus, in view.
    await expect(page.locator('.nhsuk-notification-banner')).toBeFocused();
    await expectNoAccessibilityViolations(page);

    // An address whose provider id is no id shows "Page not found", not the API's words.
    await page.goto(`/lsp/${CASELOAD_LSP_SLUG}/providers/not-a-uuid`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page).toHaveTitle('Page not found – DSPT Support Portal');
    await expect(page.locator('main')).not.toContainText('UUID');
    await expectNoAccessibilityViolations(page);
  });
});
