import type { Task } from '@dspt/contracts';
import { LspPages, ME, SLUG } from '../testing/lsp-pages';

const TASKS_URL = `/api/tenants/${SLUG}/tasks`;

function task(id: string, title: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    providerId: `p-${id}`,
    providerName: `Provider ${id}`,
    title,
    dueOn: '2999-01-01',
    overdue: false,
    doneAt: null,
    assignee: { id: ME.id, displayName: ME.displayName },
    ...overrides,
  };
}

describe('MyTasksPage', () => {
  let pages: LspPages;

  afterEach(() => pages.close());

  it("lists the user's open tasks as the API orders them, overdue first, with links to their providers", async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/tasks`);
    await pages.answer('GET', TASKS_URL, {
      items: [task('1', 'Chase 4.1.1', { dueOn: '2026-01-10', overdue: true }), task('2', 'Book a visit')],
    });

    expect(pages.text('h1')).toBe('My tasks');
    expect(pages.cells('[data-testid="my-tasks"] tbody tr')).toEqual([
      ['Chase 4.1.1', 'Provider 1', '10 January 2026 Overdue', 'Jo Adviser', 'Mark "Chase 4.1.1" as done'],
      ['Book a visit', 'Provider 2', '1 January 2999', 'Jo Adviser', 'Mark "Book a visit" as done'],
    ]);
    expect(pages.element.querySelector('[data-testid="my-tasks"] a')!.getAttribute('href')).toBe(
      `/lsp/${SLUG}/providers/p-1`,
    );
  });

  it('marks a task done, then lists what is left', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/tasks`);
    await pages.answer('GET', TASKS_URL, { items: [task('1', 'Chase 4.1.1')] });

    await pages.click('Mark "Chase 4.1.1" as done');
    const request = await pages.answer(
      'PATCH',
      `${TASKS_URL}/1`,
      task('1', 'Chase 4.1.1', { doneAt: '2026-03-01T10:00:00Z' }),
    );
    expect(request.request.body).toEqual({ done: true });
    await pages.answer('GET', TASKS_URL, { items: [] });

    expect(pages.text('[data-testid="confirmation"]')).toBe('Task done: Chase 4.1.1 (Provider 1).');
    expect(pages.text('[data-testid="no-tasks"]')).toBe('You have no open tasks.');
    // The button went with its row: focus is on the confirmation, which is in view, not on the page's body.
    expect(document.activeElement?.classList).toContain('nhsuk-notification-banner');
    expect(document.activeElement?.textContent).toContain('Task done: Chase 4.1.1');
  });

  it('shows why a task could not be marked done', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/tasks`);
    await pages.answer('GET', TASKS_URL, { items: [task('1', 'Chase 4.1.1')] });

    await pages.click('Mark "Chase 4.1.1" as done');
    await pages.refuse('PATCH', `${TASKS_URL}/1`, 404, 'There is no such task in this LSP');

    expect(pages.text('[data-testid="error-summary"]')).toContain('There is no such task in this LSP');
  });

  it('lets a viewer read tasks without marking them done', async () => {
    pages = new LspPages('viewer');
    await pages.open(`/lsp/${SLUG}/tasks`);
    await pages.answer('GET', TASKS_URL, { items: [task('1', 'Chase 4.1.1')] });

    expect(pages.element.querySelector('button')).toBeNull();
  });
});
