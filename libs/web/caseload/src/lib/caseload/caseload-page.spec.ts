import type { TestRequest } from '@angular/common/http/testing';
import type { AssignableAdviserList, CaseloadItem, CaseloadPage } from '@dspt/contracts';
import { TestBed } from '@angular/core/testing';
import { Location } from '@angular/common';
import { LspPages, ME, SLUG } from '../testing/lsp-pages';

const PROVIDERS_URL = `/api/tenants/${SLUG}/providers`;
const SAM = { id: '00000000-0000-4000-8000-000000000002', displayName: 'Sam Adviser' };

function item(id: string, name: string, overrides: Partial<CaseloadItem> = {}): CaseloadItem {
  return {
    id,
    name,
    odsCode: `V${id.padStart(4, '0')}`,
    status: 'in_progress',
    progress: { completed: 3, total: 26 },
    priority: {
      score: 50,
      reasons: ['23 items left', '120 days to deadline', 'no contact for 60 days'],
      parts: [
        { reason: '23 items left', points: 23 },
        { reason: '120 days to deadline', points: 0 },
        { reason: 'no contact for 60 days', points: 5 },
      ],
    },
    kind: 'single_site',
    serviceType: 'homecare',
    region: 'North East',
    assignedAdviser: SAM,
    lastContactAt: '2026-09-02T09:00:00Z',
    overdueTasks: 0,
    nextTask: { title: 'Call about backups', dueOn: '2026-10-05' },
    archivedAt: null,
    ...overrides,
  };
}

const PAGE: CaseloadPage = {
  items: [
    item('1', 'Oak Homecare'),
    item('2', 'Elm Care', { status: 'not_started', assignedAdviser: null, lastContactAt: null, nextTask: null }),
  ],
  total: 52,
  page: 1,
  pageSize: 25,
  cycle: '2025-26',
  deadline: '2027-06-30',
  daysToDeadline: 120,
};

describe('CaseloadPage', () => {
  let pages: LspPages;

  afterEach(() => pages.close());

  /** Answers the caseload request and returns its query parameters. */
  async function answerCaseload(body: CaseloadPage = PAGE): Promise<Record<string, string>> {
    await pages.answerAny('GET', `/api/tenants/${SLUG}/advisers`, { items: [] });
    const request: TestRequest = await pages.answer('GET', PROVIDERS_URL, body);
    return Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)!]));
  }

  const headerSort = (label: string) =>
    [...pages.element.querySelectorAll('th')]
      .find((header) => header.textContent?.includes(label))!
      .getAttribute('aria-sort');

  describe('for an adviser', () => {
    beforeEach(() => {
      pages = new LspPages('adviser');
    });

    it('is the LSP home: most urgent first, with priority reasons, status, progress and last contact', async () => {
      await pages.open(`/lsp/${SLUG}`);

      expect(await answerCaseload()).toEqual({ sort: 'priority', direction: 'desc', page: '1', pageSize: '25' });
      expect(pages.url).toBe(`/lsp/${SLUG}/caseload`);
      expect(pages.text('h1')).toBe('Caseload');
      expect(pages.text('[data-testid="caseload-count"]')).toBe(
        'Showing 1 to 2 of 52 providers, 2025-26 cycle, sorted by priority, descending.',
      );
      expect(headerSort('Priority')).toBe('descending');
      expect(headerSort('Provider')).toBeNull();
      const oak = pages.text('[data-testid="caseload-row-V0001"]');
      expect(oak).toContain('Oak Homecare');
      expect(oak).toContain('In progress');
      expect(oak).toContain('3 of 26 mandatory items completed');
      // The score's parts on demand, in a disclosure; the days to the deadline once, above the table.
      expect(pages.text('[data-testid="caseload-row-V0001"] summary')).toBe('50 points for Oak Homecare: why');
      expect(pages.texts('[data-testid="caseload-row-V0001"] [data-testid="priority-parts"] li')).toEqual([
        '23 items left: +23 points',
        '120 days to deadline: 0 points',
        'no contact for 60 days: +5 points',
      ]);
      expect(pages.element.querySelector('[data-testid="caseload-row-V0001"] details')!.hasAttribute('open')).toBe(
        false,
      );
      expect(pages.text('[data-testid="days-to-deadline"]')).toBe('120 days to the deadline: 30 June 2027.');
      expect(pages.text('[data-testid="caseload-row-V0001"] [data-testid="next-task"]')).toBe(
        'Call about backups due 5 October 2026',
      );
      expect(pages.text('[data-testid="caseload-row-V0002"] [data-testid="next-task"]')).toBe('None');
      expect(oak).toContain('Sam Adviser');
      expect(oak).toContain('2 September 2026');
      expect(pages.text('[data-testid="caseload-row-V0002"]')).toContain('Unassigned');
      expect(pages.text('[data-testid="caseload-row-V0002"]')).toContain('Never');
      expect(pages.element.querySelector('[data-testid="provider-link"]')!.getAttribute('href')).toBe(
        `/lsp/${SLUG}/providers/1`,
      );
      expect(pages.texts('.nhsuk-pagination__link')).toEqual(['1', '2', '3']);
      expect(pages.element.querySelector('[data-testid="import-link"]')!.getAttribute('href')).toBe(
        `/lsp/${SLUG}/import`,
      );
    });

    it('sorts by a column with the button in its header, in the address; the same button turns it round', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?page=2`);
      await answerCaseload({ ...PAGE, page: 2 });

      await pages.click('Provider');

      expect(pages.url).toBe(`/lsp/${SLUG}/caseload?sort=name`);
      expect(await answerCaseload()).toMatchObject({ sort: 'name', direction: 'asc', page: '1' });
      expect(headerSort('Provider')).toBe('ascending');
      expect(headerSort('Priority')).toBeNull();
      // The table stayed while the new order loaded, so focus is still on the button.
      expect(document.activeElement?.textContent).toContain('Provider');

      await pages.click('Provider ▲');

      expect(pages.url).toBe(`/lsp/${SLUG}/caseload?sort=name&direction=desc`);
      expect(await answerCaseload()).toMatchObject({ sort: 'name', direction: 'desc' });
      expect(headerSort('Provider')).toBe('descending');
      // The count is a live region: the new order is announced with it.
      expect(pages.element.querySelector('[data-testid="caseload-count"]')!.getAttribute('role')).toBe('status');
      expect(pages.text('[data-testid="caseload-count"]')).toContain('sorted by provider name, descending');
    });

    it('applies the filters from the form to the address, and Back brings the last ones back into the form', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?sort=progress&page=3`);
      await answerCaseload();

      await pages.set('filter-search', ' oak ');
      await pages.set('filter-status', 'not_started');
      await pages.set('filter-region', 'North East');
      await pages.submit('caseload-filters');

      expect(pages.url).toBe(`/lsp/${SLUG}/caseload?search=oak&status=not_started&region=North%20East&sort=progress`);
      expect(await answerCaseload()).toEqual({
        search: 'oak',
        status: 'not_started',
        region: 'North East',
        sort: 'progress',
        direction: 'asc',
        page: '1',
        pageSize: '25',
      });

      TestBed.inject(Location).back();
      await pages.settle();
      await answerCaseload();

      expect(pages.element.querySelector<HTMLInputElement>('#filter-search')!.value).toBe('');
      expect(pages.element.querySelector<HTMLSelectElement>('#filter-status')!.value).toBe('');

      await pages.set('filter-adviser', 'none');
      await pages.submit('caseload-filters');
      expect(await answerCaseload()).toMatchObject({ adviser: 'none' });
      await pages.click('Clear filters');
      expect(pages.url).toBe(`/lsp/${SLUG}/caseload?sort=progress`);
      await answerCaseload();
    });

    it('offers CSV and XLSX downloads of the list as it is filtered and sorted, every page', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?view=mine&status=not_started&sort=name&direction=desc&page=2`);
      await answerCaseload({ ...PAGE, page: 2 });

      const href = (testId: string) => pages.element.querySelector(`[data-testid="${testId}"]`)!.getAttribute('href');
      const query = 'view=mine&status=not_started&sort=name&direction=desc';
      expect(href('export-csv')).toBe(`${PROVIDERS_URL}/export?${query}&format=csv`);
      expect(href('export-xlsx')).toBe(`${PROVIDERS_URL}/export?${query}&format=xlsx`);
      expect(pages.element.querySelector('[data-testid="export-csv"]')!.hasAttribute('download')).toBe(true);

      await pages.set('filter-search', 'oak');
      await pages.submit('caseload-filters');
      await answerCaseload();
      expect(href('export-csv')).toBe(
        `${PROVIDERS_URL}/export?view=mine&search=oak&status=not_started&sort=name&direction=desc&format=csv`,
      );
    });

    it('offers the saved views as links that keep the filters', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?view=mine&status=in_progress`);
      expect(await answerCaseload()).toMatchObject({ view: 'mine', status: 'in_progress' });

      const views = [...pages.element.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Saved views"] a')].map(
        (link) => [link.textContent?.trim(), link.getAttribute('href'), link.getAttribute('aria-current')],
      );
      expect(views).toEqual([
        ['All providers', `/lsp/${SLUG}/caseload?status=in_progress`, null],
        ['My providers', `/lsp/${SLUG}/caseload?view=mine&status=in_progress`, 'page'],
        ['At risk', `/lsp/${SLUG}/caseload?view=at-risk&status=in_progress`, null],
      ]);
    });

    it('assigns an adviser to the rows ticked, all at once, then shows the caseload again', async () => {
      await pages.open(`/lsp/${SLUG}/caseload`);
      await answerCaseload();
      const adviserChoices = [...pages.element.querySelectorAll<HTMLOptionElement>('#bulk-adviser option')].map(
        (option) => option.text,
      );
      expect(adviserChoices).toEqual([
        'Select an adviser',
        `${ME.displayName} (you)`,
        'Sam Adviser',
        'Nobody (unassign)',
      ]);
      // The form comes after the table it acts on, in reading and tab order.
      const table = pages.element.querySelector('[data-testid="caseload-table"]')!;
      const form = pages.element.querySelector('[data-testid="bulk-assign-form"]')!;
      expect(table.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      await pages.set('select-all', true);
      await pages.set('select-2', false);
      await pages.set('bulk-adviser', ME.id);
      await pages.submit('bulk-assign-form');

      const request = await pages.answer('POST', `${PROVIDERS_URL}/assign`, { assigned: 1, unchanged: 0 });
      expect(request.request.body).toEqual({ providerIds: ['1'], adviserId: ME.id });
      await answerCaseload();
      expect(pages.text('[data-testid="confirmation"]')).toBe(`${ME.displayName} is now the adviser of 1 provider.`);
      expect(document.activeElement?.classList).toContain('nhsuk-notification-banner');
      expect(pages.element.querySelector<HTMLInputElement>('#select-1')!.checked).toBe(false);
    });

    it('asks for a selection before assigning, and shows why the API refused', async () => {
      await pages.open(`/lsp/${SLUG}/caseload`);
      await answerCaseload();

      await pages.set('bulk-adviser', 'none');
      await pages.submit('bulk-assign-form');
      expect(pages.text('[data-testid="error-summary"]')).toContain('Select the providers to assign an adviser to');
      pages.http.expectNone({ method: 'POST' });

      await pages.set('select-1', true);
      await pages.submit('bulk-assign-form');
      await pages.refuse('POST', `${PROVIDERS_URL}/assign`, 400, 'That adviser cannot be assigned providers');

      expect(pages.text('[data-testid="error-summary"]')).toContain('That adviser cannot be assigned providers');
    });

    it('states the at-risk rule, and says why the view is empty when it is', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?view=at-risk`);
      await answerCaseload({ ...PAGE, items: [], total: 0, daysToDeadline: 200 });

      expect(pages.text('[data-testid="at-risk-rule"]')).toContain(
        'Providers not yet published at Standards Met or above that have a priority of 60 or more, ' +
          'or that still have mandatory items left from 90 days before the deadline onwards.',
      );
      expect(pages.text('[data-testid="caseload-count"]')).toBe(
        'No provider is at risk: none has a priority of 60 or more, and the last 90 days before the deadline have not begun.',
      );
    });

    it('does not state the at-risk rule on other views', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?view=mine`);
      await answerCaseload();

      expect(pages.element.querySelector('[data-testid="at-risk-rule"]')).toBeNull();
    });

    it('says when nothing matches', async () => {
      await pages.open(`/lsp/${SLUG}/caseload?search=zzz`);
      await answerCaseload({ ...PAGE, items: [], total: 0 });

      expect(pages.text('[data-testid="caseload-count"]')).toBe('No providers match this view and these filters.');
      expect(pages.element.querySelector('table')).toBeNull();
    });
  });

  it("lists the LSP's whole team of advisers, whoever is looking", async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/caseload`);
    const members: AssignableAdviserList = {
      items: [{ userId: 'u-kim', displayName: 'Kim Adviser', role: 'adviser' }],
    };
    await pages.answer('GET', `/api/tenants/${SLUG}/advisers`, members);
    await answerCaseload();

    const adviserFilter = [...pages.element.querySelectorAll<HTMLOptionElement>('#filter-adviser option')].map(
      (option) => option.text,
    );
    expect(adviserFilter).toEqual([
      'Any adviser',
      'Unassigned',
      `${ME.displayName} (you)`,
      'Kim Adviser',
      'Sam Adviser',
    ]);
  });

  it('shows a viewer the caseload without checkboxes, bulk assignment or the import', async () => {
    pages = new LspPages('viewer');
    await pages.open(`/lsp/${SLUG}/caseload`);
    await answerCaseload();

    expect(pages.element.querySelector('[data-testid="caseload-table"]')).not.toBeNull();
    expect(pages.element.querySelector('input[type="checkbox"]')).toBeNull();
    expect(pages.element.querySelector('[data-testid="bulk-assign-form"]')).toBeNull();
    expect(pages.element.querySelector('[data-testid="import-link"]')).toBeNull();
  });
});
