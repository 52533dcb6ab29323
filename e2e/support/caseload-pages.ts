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

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByTestId('caseload-table');
    this.rows = this.table.locator('tbody tr');
    this.count = page.getByTestId('caseload-count');
    this.filters = page.getByTestId('caseload-filters');
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/caseload`);
    await this.rows.first().waitFor();
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
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

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
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

  /** The codes of the items the blockers list names, in its order. */
  async blockerCodes(): Promise<string[]> {
    // The blockers load with their own request, maybe after the rest of the page: wait for the list.
    await this.blockers.waitFor();
    const sentences = await this.blockers.locator('li').allInnerTexts();
    return sentences.map((sentence) => /requirement (\S+) in/.exec(sentence)?.[1] ?? sentence);
  }

  question(code: string): Locator {
    return this.page.getByTestId(`question-${code}`);
  }

  /** Update an item's status, as its row's "Update" does. */
  async setQuestionStatus(code: string, status: 'Not started' | 'In progress' | 'Completed', comment?: string): Promise<void> {
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
    await form.getByLabel('Due').fill(dueOn);
    await form.getByRole('button', { name: 'Add task' }).click();
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
