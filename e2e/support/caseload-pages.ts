import { type Locator, type Page, expect } from '@playwright/test';

/** The address of an LSP's home, its caseload, with any query string. */
export function caseloadUrl(slug: string): RegExp {
  return new RegExp(`/lsp/${slug}/caseload(\\?.*)?$`);
}

/** `/lsp/{slug}/caseload`: the table with sortable columns, filters, saved views and pages. */
export class CaseloadPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly filters: Locator;
  /** "34 days to the deadline: 30 June 2027.", once above the table. */
  readonly daysToDeadline: Locator;
  readonly atRiskRule: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByTestId('caseload-table');
    this.rows = this.table.locator('tbody tr');
    this.count = page.getByTestId('caseload-count');
    this.filters = page.getByTestId('caseload-filters');
    this.daysToDeadline = page.getByTestId('days-to-deadline');
    this.atRiskRule = page.getByTestId('at-risk-rule');
  }

  /** The priority scores of the rows, in order (each is the summary of its disclosure). */
  async priorityScores(): Promise<number[]> {
    return (await this.table.getByTestId('priority').locator('summary').allInnerTexts()).map((text) =>
      parseInt(text, 10),
    );
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/caseload`);
    await this.rows.first().waitFor();
  }

  /**
   * Waits until the table shows the list the address asks for: while a new list loads, the last one (and
   * its count) stays on screen with aria-busy, so a count read then is the old list's.
   */
  async loaded(): Promise<void> {
    await expect(this.table).not.toHaveAttribute('aria-busy', 'true');
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** Presses the sort button in a column's header, and waits for the address to say so. */
  async sortBy(column: string, expectedQuery: RegExp): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
    await expect(this.page).toHaveURL(expectedQuery);
  }

  providerLink(row: Locator): Locator {
    return row.getByTestId('provider-link');
  }

  savedView(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Saved views' }).getByRole('link', { name, exact: true });
  }
}

/** `/lsp/{slug}/providers/{id}`: summary, progress, blockers, assessment, publications, notes, tasks. */
export class ProviderPage {
  readonly heading: Locator;
  readonly progress: Locator;
  readonly blockers: Locator;
  readonly assessmentConfirmation: Locator;
  readonly notes: Locator;
  readonly tasks: Locator;
  readonly backToCaseload: Locator;
  /** The first screen: main contact, next task, adviser. */
  readonly keyFacts: Locator;
  /** The "On this page" contents list. */
  readonly contents: Locator;

  constructor(private readonly page: Page) {
    this.keyFacts = page.getByTestId('key-facts');
    this.contents = page.getByRole('navigation', { name: 'On this page' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.backToCaseload = page.getByRole('link', { name: 'Back to the caseload' });
    this.progress = page.getByTestId('progress');
    this.blockers = page.getByTestId('blockers');
    this.assessmentConfirmation = page.getByTestId('assessment-confirmation');
    this.notes = page.getByTestId('notes');
    this.tasks = page.getByTestId('tasks');
  }

  /** How many mandatory items are complete, from "x of N mandatory items completed". */
  async completedCount(): Promise<{ completed: number; total: number }> {
    const [, completed, total] = /(\d+) of (\d+)/.exec(await this.progress.innerText()) ?? [];
    return { completed: Number(completed), total: Number(total) };
  }

  /** The codes of the items the blockers list names (grouped by section), in its order. */
  async blockerCodes(): Promise<string[]> {
    // The blockers load with their own request, maybe after the rest of the page: wait for the list.
    await this.blockers.waitFor();
    return (await this.blockers.getByTestId('blocker').locator('strong').allInnerTexts()).map((code) => code.trim());
  }

  question(code: string): Locator {
    return this.page.getByTestId(`question-${code}`);
  }

  /** Update an item's status, as its row's "Update" does. */
  async setQuestionStatus(
    code: string,
    status: 'Not started' | 'In progress' | 'Completed',
    comment?: string,
  ): Promise<void> {
    await this.page.getByRole('button', { name: `Update ${code}`, exact: true }).click();
    const form = this.page.getByTestId(`question-form-${code}`);
    await form.getByLabel(status, { exact: true }).check();
    if (comment !== undefined) {
      await form.getByLabel('Comment (optional)').fill(comment);
    }
    await form.getByRole('button', { name: `Save ${code}` }).click();
  }

  async addNote(kind: string, body: string): Promise<void> {
    await this.page.getByText('Add a note', { exact: true }).click();
    const form = this.page.getByTestId('note-form');
    await form.getByLabel('Type of note').selectOption({ label: kind });
    await form.getByLabel('What happened').fill(body);
    await form.getByRole('button', { name: 'Add note' }).click();
  }

  /** `dueOn` as 2026-03-15. */
  async addTask(title: string, dueOn: string): Promise<void> {
    await this.page.getByText('Add a task', { exact: true }).click();
    const form = this.page.getByTestId('task-form');
    await form.getByLabel('Task', { exact: true }).fill(title);
    await this.fillDate(form.getByRole('group', { name: 'Due date' }), dueOn);
    await form.getByRole('button', { name: 'Add task' }).click();
  }

  /** Types `day` (2026-03-15) into the day, month and year boxes of an NHS date input. */
  async fillDate(group: Locator, day: string): Promise<void> {
    const [year, month, date] = day.split('-');
    await group.getByLabel('Day').fill(String(Number(date)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year);
  }
}

/** `/lsp/{slug}/tasks`: the signed-in user's open tasks. */
export class MyTasksPage {
  readonly heading: Locator;
  readonly tasks: Locator;
  readonly confirmation: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.tasks = page.getByTestId('my-tasks');
    this.confirmation = page.getByTestId('confirmation');
  }

  task(title: string): Locator {
    return this.tasks.getByRole('row').filter({ hasText: title });
  }

  async markDone(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Mark "${title}" as done` }).click();
  }
}
