import type { CurrentUser, CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import { RoutedPages } from '@dspt/web/auth/testing';
import { CyclePage } from './cycle-page';
import { CyclesPage } from './cycles-page';

const SYSTEM_ADMIN: CurrentUser = {
  user: { id: 'user-1', email: 'sam@example.org', displayName: 'Sam Sysadmin', mfaEnrolled: true },
  memberships: [],
  roles: ['system_admin'],
};
const OLD: CycleSummary = {
  code: '2025-26',
  startsOn: '2025-07-01',
  deadline: '2026-06-30',
  questions: 44,
  mandatory: 40,
  inUse: true,
  current: true,
  chosenAsCurrent: false,
};
const NEXT: CycleSummary = {
  code: '2027-28',
  startsOn: '2027-07-01',
  deadline: '2028-06-30',
  questions: 3,
  mandatory: 2,
  inUse: false,
  current: false,
  chosenAsCurrent: false,
};
const CYCLES = '/api/admin/cycles';

describe('assessment cycle pages', () => {
  let pages: RoutedPages;

  beforeEach(() => {
    pages = new RoutedPages(SYSTEM_ADMIN, [
      { path: 'admin/cycles', component: CyclesPage },
      { path: 'admin/cycles/:code', component: CyclePage },
    ]);
  });

  afterEach(() => pages.close());

  describe('CyclesPage', () => {
    it('lists the cycles with their dates and links each to its page', async () => {
      await pages.open('/admin/cycles');
      await pages.answer('GET', CYCLES, { items: [NEXT, OLD] });
      expect(pages.cells('[data-testid="cycles-table"] tbody tr').map((row) => row.slice(0, 4))).toEqual([
        ['Cycle 2027-28', 'Starts 1 July 2027', 'Deadline 30 June 2028', 'Questions 3 (2 mandatory)'],
        ['Cycle 2025-26', 'Starts 1 July 2025', 'Deadline 30 June 2026', 'Questions 44 (40 mandatory)'],
      ]);
      expect(pages.element.querySelector('[data-testid="cycles-table"] tbody a')?.getAttribute('href')).toBe(
        '/admin/cycles/2027-28',
      );
    });

    it('adds a cycle with its own deadline from the three date boxes', async () => {
      await pages.open('/admin/cycles');
      await pages.answer('GET', CYCLES, { items: [OLD] });
      await pages.set('cycle-code', '2027-28');
      await pages.setDate('cycle-deadline', '2028-09-30');
      await pages.click('Add cycle');
      const request = await pages.answer('POST', CYCLES, { ...NEXT, deadline: '2028-09-30', questions: 0 });
      expect(request.request.body).toEqual({ code: '2027-28', deadline: '2028-09-30' });
      await pages.answer('GET', CYCLES, { items: [NEXT, OLD] });
      expect(pages.text('[data-testid="confirmation"]')).toBe(
        'Cycle 2027-28 was added. Open it to import its question set.',
      );
    });

    it('names a bad cycle and a date that is not real, and shows a taken cycle from the API', async () => {
      await pages.open('/admin/cycles');
      await pages.answer('GET', CYCLES, { items: [OLD] });
      await pages.set('cycle-code', '2027');
      await pages.setDate('cycle-deadline', '2028-02-30');
      await pages.click('Add cycle');
      expect(pages.fieldError('cycle-code')).toBe('The cycle must be two years, like 2027-28');
      expect(pages.fieldError('cycle-deadline')).toBe('Deadline must be a real date');
      expect(pages.http.match((request) => request.method === 'POST')).toEqual([]);

      await pages.set('cycle-code', '2025-26');
      await pages.setDate('cycle-deadline', '2026-06-30');
      await pages.click('Add cycle');
      await pages.refuse('POST', CYCLES, 409, 'Cycle 2025-26 already exists');
      expect(pages.text('.nhsuk-error-summary')).toContain('Cycle 2025-26 already exists');
    });
  });

  describe('CyclePage', () => {
    const preview: QuestionSetImportResult = {
      cycle: '2027-28',
      questions: 4,
      mandatory: 3,
      replaced: 3,
      dryRun: true,
      changes: { added: ['2.1.1', '2.1.2'], removed: ['7.1.1'], changed: ['9.1.1'], unchanged: 1 },
    };

    async function openNext(): Promise<void> {
      await pages.open('/admin/cycles/2027-28');
      await pages.answer('GET', CYCLES, { items: [NEXT, OLD] });
    }

    it('moves the deadline and says so', async () => {
      await openNext();
      expect(pages.text('h1')).toBe('2027-28');
      expect(pages.cells('[data-testid="cycle-summary"] .nhsuk-summary-list__row')[1]).toEqual([
        'Deadline',
        '30 June 2028',
      ]);
      await pages.setDate('cycle-new-deadline', '2028-07-31');
      await pages.click('Change deadline');
      const request = await pages.answer('PATCH', `${CYCLES}/2027-28`, { ...NEXT, deadline: '2028-07-31' });
      expect(request.request.body).toEqual({ deadline: '2028-07-31' });
      await pages.answer('GET', CYCLES, { items: [{ ...NEXT, deadline: '2028-07-31' }, OLD] });
      expect(pages.text('[data-testid="confirmation"]')).toBe('The deadline of 2027-28 is now 31 July 2028.');
    });

    it('makes the cycle current after asking, then lets the date decide again', async () => {
      await openNext();
      expect(pages.text('[data-testid="cycle-current"]')).toBe('No');
      await pages.click('Make this cycle current');
      expect(pages.text('[data-testid="make-current-confirmation"] h3')).toBe('Make 2027-28 the current cycle?');
      expect(pages.text('[data-testid="make-current-confirmation"] p')).toContain('show 2027-28 instead of 2025-26');
      await pages.click('Yes, make 2027-28 current');
      const chosen = { ...NEXT, current: true, chosenAsCurrent: true };
      const old = { ...OLD, current: false };
      const request = await pages.answer('PUT', `${CYCLES}/current`, { items: [chosen, old] });
      expect(request.request.body).toEqual({ code: '2027-28' });
      await pages.answer('GET', CYCLES, { items: [chosen, old] });
      expect(pages.text('[data-testid="confirmation"]')).toBe('2027-28 is now the current cycle.');
      expect(pages.text('[data-testid="cycle-current"]')).toBe('Yes, chosen by a system admin');

      await pages.click('Let the date decide the current cycle');
      const back = await pages.answer('PUT', `${CYCLES}/current`, { items: [NEXT, OLD] });
      expect(back.request.body).toEqual({ code: null });
      await pages.answer('GET', CYCLES, { items: [NEXT, OLD] });
      expect(pages.text('[data-testid="cycle-current"]')).toBe('No');
    });

    it('asks nothing of the API when the question is cancelled, and shows a refusal', async () => {
      await openNext();
      await pages.click('Make this cycle current');
      await pages.click('Cancel');
      expect(pages.http.match((request) => request.method === 'PUT')).toEqual([]);
      await pages.click('Make this cycle current');
      await pages.click('Yes, make 2027-28 current');
      await pages.refuse('PUT', `${CYCLES}/current`, 404, 'No cycle 2027-28: create it first');
      expect(pages.text('[role="alert"]')).toContain('No cycle 2027-28: create it first');
    });

    it('shows the API refusing a deadline on the date field', async () => {
      await openNext();
      await pages.setDate('cycle-new-deadline', '2029-01-01');
      await pages.click('Change deadline');
      await pages.refuse('PATCH', `${CYCLES}/2027-28`, 400, 'bad', [
        { field: 'deadline', message: 'deadline of 2027-28 must be no later than 2028-12-31' },
      ]);
      expect(pages.fieldError('cycle-new-deadline')).toBe('deadline of 2027-28 must be no later than 2028-12-31');
    });

    it('checks a question-set file, shows what will change, and imports it on confirmation', async () => {
      await openNext();
      const file = new File(['code,section,title,level\n'], 'questions.csv', { type: 'text/csv' });
      await pages.choose('question-set-file', file);
      await pages.click('Check file');
      const check = pages.http.expectOne(
        (request) => request.method === 'PUT' && request.urlWithParams === `${CYCLES}/2027-28/questions?dryRun=true`,
      );
      check.flush(preview);
      await pages.settle();
      expect(pages.text('[data-testid="import-preview"] h3')).toBe('Check the changes from questions.csv');
      expect(pages.text('[data-testid="preview-added"]')).toBe('2.1.1, 2.1.2');
      expect(pages.text('[data-testid="preview-changed"]')).toBe('9.1.1');
      expect(pages.text('[data-testid="preview-removed"]')).toBe('7.1.1');

      await pages.click('Import question set');
      const save = pages.http.expectOne(
        (request) => request.method === 'PUT' && request.urlWithParams === `${CYCLES}/2027-28/questions`,
      );
      expect(((save.request.body as FormData).get('file') as File).name).toBe('questions.csv');
      save.flush({ ...preview, dryRun: undefined });
      await pages.settle();
      await pages.answer('GET', CYCLES, { items: [{ ...NEXT, questions: 4, mandatory: 3 }, OLD] });
      expect(pages.text('[data-testid="confirmation"]')).toBe(
        'The question set was imported: 4 questions, 3 mandatory.',
      );
      expect(pages.element.querySelector('[data-testid="import-preview"]')).toBeNull();
    });

    it('names every bad row of the file in the error summary, and saves nothing', async () => {
      await openNext();
      await pages.choose('question-set-file', new File(['x'], 'questions.csv', { type: 'text/csv' }));
      await pages.click('Check file');
      const check = pages.http.expectOne(
        (request) => request.method === 'PUT' && request.urlWithParams.endsWith('?dryRun=true'),
      );
      check.flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: '2 problems in the file: nothing was imported',
          details: [
            { row: 3, field: 'section', message: 'section is empty' },
            { row: 4, field: 'level', message: '"XX" is not a level: use AS, SM or none' },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await pages.settle();
      const summary = pages.texts('.nhsuk-error-summary li');
      expect(summary.join(' | ')).toContain('2 problems in the file: nothing was imported');
      expect(summary.join(' | ')).toMatch(/Row 3.*section is empty/);
      expect(summary.join(' | ')).toMatch(/Row 4.*"XX" is not a level/);
      expect(pages.element.querySelector('[data-testid="import-preview"]')).toBeNull();
    });

    it('says a started cycle cannot take a new question set, and shows the not-found page for an unknown cycle', async () => {
      await pages.open('/admin/cycles/2025-26');
      await pages.answer('GET', CYCLES, { items: [NEXT, OLD] });
      expect(pages.text('[data-testid="question-set-locked"]')).toContain('can no longer be replaced');
      expect(pages.element.querySelector('#question-set-file')).toBeNull();

      await pages.navigate('/admin/cycles/1999-00');
      await pages.answerAny('GET', CYCLES, { items: [NEXT, OLD] });
      expect(pages.text('[data-testid="page-not-found"]')).toBe('Page not found');
    });
  });
});
