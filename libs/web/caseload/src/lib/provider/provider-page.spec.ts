import type {
  AssessmentQuestionView,
  AssessmentView,
  AssignableAdviserList,
  BlockerList,
  CaseNoteList,
  EmailMessageList,
  ProviderDetail,
  PublicationList,
  Task,
  TaskList,
} from '@dspt/contracts';
import { fillInDialogMethods } from '@dspt/web/reminders/testing';
import { LspPages, ME, SLUG } from '../testing/lsp-pages';
import { openItemsFor } from './publication-form';

const ID = '3f1b2c44-0000-4000-8000-00000000abcd';
const BASE = `/api/tenants/${SLUG}/providers/${ID}`;

const PROVIDER: ProviderDetail = {
  id: ID,
  odsCode: 'A1B2',
  name: 'Oak Care Group',
  kind: 'hq',
  parent: null,
  branches: [{ id: 'b-1', odsCode: 'V1234', name: 'Oak Care Hexham' }],
  serviceType: 'care_home_residential',
  sizeBand: 'medium',
  localAuthority: 'Northumberland',
  region: 'North East',
  assignedAdviser: { id: ME.id, displayName: ME.displayName, email: 'jo@example.org' },
  hasCePlus: false,
  lastContactAt: null,
  archivedAt: null,
  version: 3,
  contacts: [
    { id: 'c-1', name: 'Pat Manager', email: 'pat@oak.example', role: 'registered_manager', isPrimary: true, unsubscribedAt: null },
    { id: 'c-2', name: 'Lee Owner', email: 'lee@oak.example', role: 'owner', isPrimary: false, unsubscribedAt: '2026-02-01T09:00:00Z' },
  ],
  status: 'in_progress',
  progress: { completed: 1, total: 3 },
};

function question(code: string, section: string, overrides: Partial<AssessmentQuestionView> = {}): AssessmentQuestionView {
  return {
    code,
    section,
    title: `Item ${code}`,
    level: 'SM',
    mandatory: true,
    cePlusSkippable: false,
    metByCePlus: false,
    status: 'not_started',
    comment: null,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

const QUESTIONS = [
  question('1.1.1', 'Staffing and Roles', { level: 'AS', status: 'completed', updatedBy: 'Sam', updatedAt: '2026-03-01T10:00:00Z' }),
  question('1.1.2', 'Staffing and Roles', { level: 'AS', comment: 'Waiting for the staff list' }),
  question('1.2.1', 'Staffing and Roles', { level: 'none', mandatory: false }),
  question('4.1.1', 'Data Security'),
];
const ASSESSMENT: AssessmentView = { cycle: '2025-26', deadline: '2026-06-30', progress: { completed: 1, total: 3 }, questions: QUESTIONS };
const blocker = (code: string, section: string) => ({
  code,
  section,
  title: `Item ${code}`,
  sentence: `Please complete mandatory requirement ${code} in the ${section} section`,
});
const BLOCKERS: BlockerList = { cycle: '2025-26', items: [blocker('1.1.2', 'Staffing and roles'), blocker('4.1.1', 'Data security')] };
const PUBLICATIONS: PublicationList = {
  items: [
    {
      id: 'p-1',
      cycle: '2024-25',
      level: 'approaching_standards',
      publishedOn: '2025-05-10',
      summary: '2024-25 Approaching Standards, published 10/05/2025',
      coveredBy: null,
      covers: [],
      recordedBy: 'Sam',
    },
  ],
};
const NOTES: CaseNoteList = {
  items: [{ id: 'n-1', kind: 'call', body: 'Called the manager.', occurredAt: '2026-03-02T10:30:00Z', author: { id: 'u-sam', displayName: 'Sam' } }],
};
const TASK: Task = {
  id: 't-1',
  providerId: ID,
  providerName: 'Oak Care Group',
  title: 'Chase the staff list',
  dueOn: '2026-03-01',
  overdue: true,
  doneAt: null,
  assignee: { id: ME.id, displayName: ME.displayName },
};
const TASKS: TaskList = { items: [TASK] };
const EMAILS: EmailMessageList = {
  items: [
    {
      id: 'm-1',
      kind: 'deadline_reminder',
      cycle: '2025-26',
      offsetDays: 90,
      providerId: ID,
      providerName: 'Oak Care Group',
      contactId: 'c-1',
      toName: 'Pat Manager',
      toEmail: 'pat@oak.example',
      subject: 'DSPT deadline 30 June 2026: 2 items left',
      status: 'failed',
      attempts: 1,
      lastError: '550 No such mailbox',
      requestedBy: null,
      queuedAt: '2026-04-01T08:00:00.000Z',
      lastAttemptAt: '2026-04-01T08:00:01.000Z',
      sentAt: null,
      failedAt: '2026-04-01T08:00:01.000Z',
      suppressedAt: null,
    },
  ],
  total: 1,
  counts: { queued: 0, sent: 0, failed: 1, suppressed: 0 },
};
const ADVISERS: AssignableAdviserList = {
  items: [
    { userId: 'u-sam', displayName: 'Sam Admin', role: 'admin' },
    { userId: ME.id, displayName: ME.displayName, role: 'adviser' },
    { userId: 'u-ann', displayName: 'Ann Adviser', role: 'adviser' },
  ],
};

describe('ProviderPage', () => {
  let pages: LspPages;

  // The guidance email dialog is a native <dialog>.
  beforeAll(() => fillInDialogMethods());

  afterEach(() => pages.close());

  async function open(): Promise<void> {
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    for (const [path, body] of [
      ['', PROVIDER],
      ['/assessment', ASSESSMENT],
      ['/blockers', BLOCKERS],
      ['/publications', PUBLICATIONS],
      ['/notes', NOTES],
      ['/tasks', TASKS],
      ['/emails', EMAILS],
    ] as const) {
      await pages.answer('GET', BASE + path, body);
    }
    // Whom a task can be for (the task form asks, for advisers and admins).
    await pages.answerAny('GET', `/api/tenants/${SLUG}/advisers`, ADVISERS);
  }

  /** Answers the reloads after a change, with `changes` to some of the answers. */
  async function answerReloads(paths: string[], changes: Record<string, object> = {}): Promise<void> {
    const bodies: Record<string, object> = {
      '': PROVIDER,
      '/assessment': ASSESSMENT,
      '/blockers': BLOCKERS,
      '/publications': PUBLICATIONS,
      '/notes': NOTES,
      '/tasks': TASKS,
      '/emails': EMAILS,
      ...changes,
    };
    for (const path of paths) {
      await pages.answer('GET', BASE + path, bodies[path]);
    }
  }

  describe('for an adviser', () => {
    beforeEach(async () => {
      pages = new LspPages('adviser');
      await open();
    });

    it('shows the summary, progress, blockers in the DSPT words, publications, contacts, notes and tasks', () => {
      expect(pages.text('h1')).toBe('Oak Care Group');
      expect(document.title).toBe('Oak Care Group – DSPT Support Portal');
      expect(pages.text('[data-testid="progress"]')).toBe('1 of 3 mandatory items completed');
      expect(pages.text('[data-testid="provider-status"]')).toBe('In progress');
      expect(pages.cells('[data-testid="provider-summary"] .nhsuk-summary-list__row')).toEqual([
        ['ODS code', 'A1B2'],
        ['Kind', 'Headquarters (HQ) Oak Care Hexham (V1234)'],
        ['Type of service', 'Care home (residential)'],
        ['Size', 'Medium (50 to 249 staff)'],
        ['Local authority', 'Northumberland'],
        ['Region', 'North East'],
        ['Adviser', 'Jo Adviser'],
        ['Cyber Essentials Plus', 'No'],
        ['Last contact', 'Never'],
      ]);
      expect(pages.texts('[data-testid="blockers"] li')).toEqual([
        'Please complete mandatory requirement 1.1.2 in the Staffing and roles section',
        'Please complete mandatory requirement 4.1.1 in the Data security section',
      ]);
      expect(pages.text('[data-testid="publications"]')).toContain('2024-25 Approaching Standards, published 10/05/2025');
      expect(pages.text('[data-testid="contacts"]')).toContain('Pat Manager Primary contact');
      expect(pages.text('[data-testid="note"]')).toContain('Phone call');
      expect(pages.text('[data-testid="note"]')).toContain('Called the manager.');
      expect(pages.text('[data-testid="task"]')).toContain('Chase the staff list');
      expect(pages.text('[data-testid="task"]')).toContain('Overdue');
    });

    it('lists the assessment by section as the DSPT does, with Mandatory and status marks', () => {
      expect(pages.texts('h3').slice(0, 2)).toEqual(['Staffing and Roles', 'Data Security']);
      expect(pages.texts('[data-testid="section-Staffing and Roles"] tbody tr td:nth-child(3)')).toEqual(['Mandatory', 'Mandatory', '']);
      expect(pages.text('[data-testid="question-1.1.1"] [data-testid="question-status"]')).toBe('Completed');
      expect(pages.text('[data-testid="question-1.1.1"]')).toContain('Updated 1 Mar 2026 by Sam');
      expect(pages.text('[data-testid="question-1.1.2"]')).toContain('Comment: Waiting for the staff list');
    });

    it("changes a question's status and comment, then shows the new progress and blockers", async () => {
      await pages.click('Update 1.1.2');
      expect(document.activeElement?.textContent).toContain('Update 1.1.2 Item 1.1.2');
      expect(pages.element.querySelector<HTMLTextAreaElement>('#question-1-1-2-comment')!.value).toBe('Waiting for the staff list');

      await pages.set('question-1-1-2-status-completed', true);
      await pages.set('question-1-1-2-comment', '');
      await pages.submit('question-form-1.1.2');

      const saved = { ...QUESTIONS[1], status: 'completed' as const, comment: null };
      const request = await pages.answer('PUT', `${BASE}/assessment/questions/1.1.2`, {
        question: saved,
        progress: { completed: 2, total: 3 },
        status: 'in_progress',
      });
      expect(request.request.body).toEqual({ status: 'completed', comment: null });
      await answerReloads(['', '/assessment', '/blockers'], {
        '': { ...PROVIDER, progress: { completed: 2, total: 3 } },
        '/assessment': { ...ASSESSMENT, questions: [QUESTIONS[0], saved, QUESTIONS[2], QUESTIONS[3]] },
        '/blockers': { ...BLOCKERS, items: [BLOCKERS.items[1]] },
      });

      expect(pages.text('[data-testid="assessment-confirmation"]')).toBe('1.1.2 is now completed.');
      expect(pages.text('[data-testid="progress"]')).toBe('2 of 3 mandatory items completed');
      expect(pages.texts('[data-testid="blockers"] li')).toEqual(['Please complete mandatory requirement 4.1.1 in the Data security section']);
      expect(pages.text('[data-testid="question-1.1.2"] [data-testid="question-status"]')).toBe('Completed');
      expect(pages.element.querySelector('[data-testid="question-form-1.1.2"]')).toBeNull();
      expect(document.activeElement?.id).toBe('update-1-1-2');
    });

    it('records a publication, marking the open items done in the same step', async () => {
      await pages.set('publication-level-standards_met', true);
      expect(pages.text('label[for="publication-complete-items"]')).toBe('Mark the 2 items still open as completed: 1.1.2, 4.1.1');
      await pages.set('publication-complete-items', true);
      await pages.set('publication-date', '2026-03-05');
      await pages.set('publication-branch-b-1', true);
      await pages.submit('publication-form');

      const request = await pages.answer('POST', `${BASE}/publications`, {
        ...PUBLICATIONS.items[0],
        id: 'p-2',
        summary: '2025-26 Standards Met, published 05/03/2026',
      });
      expect(request.request.body).toEqual({
        level: 'standards_met',
        publishedOn: '2026-03-05',
        completeItems: ['1.1.2', '4.1.1'],
        coversBranchIds: ['b-1'],
      });
      await answerReloads(['', '/assessment', '/blockers', '/publications']);
      expect(pages.text('[data-testid="publications-confirmation"]')).toBe('Recorded: 2025-26 Standards Met, published 05/03/2026.');
    });

    it("shows the DSPT's reason when a publication is refused (422)", async () => {
      await pages.set('publication-level-approaching_standards', true);
      await pages.submit('publication-form');

      await pages.refuse(
        'POST',
        `${BASE}/publications`,
        422,
        'A provider whose last publication was Approaching Standards cannot publish Approaching Standards again: it must reach Standards Met.',
      );

      const summary = pages.element.querySelector<HTMLElement>('[data-testid="publication-form"]')!.previousElementSibling;
      expect(summary?.textContent).toContain('cannot publish Approaching Standards again');
      expect(document.activeElement).toBe(summary?.querySelector('.nhsuk-error-summary'));
    });

    it('checks a publication before sending it', async () => {
      await pages.set('publication-date', '2999-01-01');
      await pages.submit('publication-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual([
        'Select the level the provider published',
        'The date published must be today or in the past',
      ]);
      pages.http.expectNone({ method: 'POST' });
    });

    it('adds a case note with when it happened, then shows it and the new last contact', async () => {
      await pages.set('note-kind', 'visit');
      await pages.set('note-body', 'Visited: went through 4.1.1.');
      await pages.set('note-when', '2026-03-04T14:15');
      await pages.submit('note-form');

      const request = await pages.answer('POST', `${BASE}/notes`, { ...NOTES.items[0], id: 'n-2' });
      expect(request.request.body).toEqual({
        kind: 'visit',
        body: 'Visited: went through 4.1.1.',
        occurredAt: new Date('2026-03-04T14:15').toISOString(),
      });
      await answerReloads(['/notes', '']);
      expect(pages.text('[data-testid="notes-confirmation"]')).toBe('Your note was added.');
      expect(pages.element.querySelector<HTMLTextAreaElement>('#note-body')!.value).toBe('');
    });

    it('refuses an empty note', async () => {
      await pages.submit('note-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual(['Select the type of note', 'Enter what happened']);
      pages.http.expectNone({ method: 'POST' });
    });

    it('adds a task, and marks one done', async () => {
      await pages.set('task-title', 'Call about 4.1.1');
      await pages.set('task-due', '2999-04-01');
      await pages.submit('task-form');

      const added = await pages.answer('POST', `${BASE}/tasks`, { ...TASK, id: 't-2', title: 'Call about 4.1.1' });
      expect(added.request.body).toEqual({ title: 'Call about 4.1.1', dueOn: '2999-04-01', assigneeId: ME.id });
      await answerReloads(['/tasks']);
      expect(pages.text('[data-testid="tasks-confirmation"]')).toBe('Task added: Call about 4.1.1');

      await pages.click('Mark "Chase the staff list" as done');
      const done = await pages.answer('PATCH', `/api/tenants/${SLUG}/tasks/t-1`, { ...TASK, doneAt: '2026-03-05T10:00:00Z' });
      expect(done.request.body).toEqual({ done: true });
      await answerReloads(['/tasks']);
      expect(pages.text('[data-testid="tasks-confirmation"]')).toBe('Task done: Chase the staff list');
    });

    it('sends a guidance email listing the open items, then shows the case note it made and the email', async () => {
      expect(pages.text('[data-testid="email"]')).toContain('550 No such mailbox');
      await pages.click('Send a guidance email');
      expect(pages.cells('[data-testid="guidance-items"] tbody tr')).toEqual([
        ['1.1.2', 'Staffing and roles', 'Item 1.1.2'],
        ['4.1.1', 'Data security', 'Item 4.1.1'],
      ]);
      // Lee unsubscribed: the email can only go to Pat.
      expect(pages.text('[data-testid="guidance-recipient"]')).toBe('Send it to Pat Manager (pat@oak.example).');
      await pages.set('guidance-message', 'As we discussed.');
      await pages.click('Send guidance email');

      const queued = { ...EMAILS.items[0], id: 'm-2', kind: 'guidance' as const, offsetDays: null, status: 'queued' as const, lastError: null };
      const request = await pages.answer('POST', `${BASE}/guidance-emails`, queued);
      expect(request.request.body).toEqual({ contactId: 'c-1', message: 'As we discussed.', requestId: expect.any(String) });
      const note = {
        id: 'n-2',
        kind: 'email',
        body: 'Guidance email to Pat Manager <pat@oak.example> listing 2 open mandatory items (1.1.2, 4.1.1).',
        occurredAt: '2026-03-05T10:00:00Z',
        author: { id: ME.id, displayName: ME.displayName },
      };
      await answerReloads(['/notes', '', '/emails'], {
        '/notes': { items: [note, ...NOTES.items] },
        '/emails': { ...EMAILS, items: [{ ...queued, status: 'sent', sentAt: '2026-03-05T10:00:02Z' }, ...EMAILS.items] },
      });
      expect(pages.text('[data-testid="emails-confirmation"]')).toBe('Guidance email to Pat Manager queued. It is in the list below, and in the case notes.');
      expect(pages.text('[data-testid="note"]')).toContain('Guidance email to Pat Manager');
      expect(pages.texts('[data-testid="email-status"]')).toEqual(['Sent', 'Failed']);
    });

    it('resubscribes a contact who unsubscribed, with a reason', async () => {
      await pages.set('resubscribe-reason-c-2', 'Lee asked for the reminders again');
      await pages.click('Resubscribe Lee Owner');
      const request = await pages.answer('POST', `${BASE}/contacts/c-2/resubscribe`, { ...PROVIDER.contacts[1], unsubscribedAt: null });
      expect(request.request.body).toEqual({ reason: 'Lee asked for the reminders again' });
      await answerReloads([''], { '': { ...PROVIDER, contacts: [PROVIDER.contacts[0], { ...PROVIDER.contacts[1], unsubscribedAt: null }] } });
      expect(pages.text('[data-testid="resubscribe-confirmation"]')).toBe('Lee Owner is subscribed to emails again.');
      expect(pages.text('[data-testid="contacts"]')).not.toContain('Unsubscribed');
    });

    it("sets a task for another of the LSP's advisers, the user being the one offered first", async () => {
      const assignee = pages.element.querySelector<HTMLSelectElement>('#task-assignee')!;
      expect([...assignee.options].map((option) => [option.value, option.text])).toEqual([
        [ME.id, 'Jo Adviser (you)'],
        ['u-ann', 'Ann Adviser'],
        ['u-sam', 'Sam Admin'],
      ]);
      expect(assignee.value).toBe(ME.id);

      await pages.set('task-title', 'Visit about 4.1.1');
      await pages.set('task-due', '2999-04-01');
      await pages.set('task-assignee', 'u-ann');
      await pages.submit('task-form');

      const added = await pages.answer('POST', `${BASE}/tasks`, {
        ...TASK,
        id: 't-3',
        title: 'Visit about 4.1.1',
        assignee: { id: 'u-ann', displayName: 'Ann Adviser' },
      });
      expect(added.request.body).toEqual({ title: 'Visit about 4.1.1', dueOn: '2999-04-01', assigneeId: 'u-ann' });
      await answerReloads(['/tasks']);
      expect(pages.text('[data-testid="tasks-confirmation"]')).toBe('Task added: Visit about 4.1.1');
      // Ready for the next task, for the user again.
      expect(assignee.value).toBe(ME.id);
      expect(pages.element.querySelector<HTMLInputElement>('#task-title')!.value).toBe('');
    });

    it("shows the API's refusal of an assignee on the field", async () => {
      await pages.set('task-title', 'Visit about 4.1.1');
      await pages.set('task-due', '2999-04-01');
      await pages.submit('task-form');

      pages.http.expectOne({ method: 'POST', url: `${BASE}/tasks` }).flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Check the task',
          details: [{ field: 'assigneeId', message: 'assigneeId must be an adviser or admin of this LSP' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await pages.settle();

      expect(pages.text('#task-assignee-error')).toBe('Error: assigneeId must be an adviser or admin of this LSP');
    });

    it('imports question statuses from a spreadsheet, then shows the new progress', async () => {
      await pages.choose('question-status-file', new File(['code,status\n1.1.2,completed\n'], 'statuses.csv', { type: 'text/csv' }));
      await pages.submit('question-status-import-form');

      const request = await pages.answer('POST', `${BASE}/assessment/import`, {
        cycle: '2025-26',
        rows: 1,
        changed: 1,
        progress: { completed: 2, total: 3 },
        status: 'in_progress',
      });
      expect(((request.request.body as FormData).get('file') as File).name).toBe('statuses.csv');
      await answerReloads(['', '/assessment', '/blockers'], { '': { ...PROVIDER, progress: { completed: 2, total: 3 } } });

      expect(pages.text('[data-testid="assessment-confirmation"]')).toBe(
        'Imported 1 row: 1 item changed. 2 of 3 mandatory items completed.',
      );
      expect(pages.text('[data-testid="progress"]')).toBe('2 of 3 mandatory items completed');
      expect(pages.element.querySelector<HTMLInputElement>('#question-status-file')!.value).toBe('');
    });

    it('lists every bad row of a refused question-status file', async () => {
      await pages.choose('question-status-file', new File(['code,status\n9.9.9,done\n'], 'statuses.csv', { type: 'text/csv' }));
      await pages.submit('question-status-import-form');

      pages.http.expectOne({ method: 'POST', url: `${BASE}/assessment/import` }).flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: '2 problems in the file: nothing was imported',
          details: [
            { row: 2, field: 'code', message: '9.9.9 is not a question of the 2025-26 cycle' },
            { row: 2, field: 'status', message: '"done" is not a status: use not_started, in_progress, completed' },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await pages.settle();

      const form = pages.element.querySelector('[data-testid="question-status-import-form"]')!;
      expect([...form.previousElementSibling!.querySelectorAll('li')].map((item) => item.textContent?.trim())).toEqual([
        '2 problems in the file: nothing was imported',
        'Row 2, code: 9.9.9 is not a question of the 2025-26 cycle',
        'Row 2, status: "done" is not a status: use not_started, in_progress, completed',
      ]);
      expect(pages.text('[data-testid="assessment-confirmation"]')).toBeUndefined();
    });
  });

  it('shows a viewer everything, with no forms or buttons that change anything', async () => {
    pages = new LspPages('viewer');
    await open();

    expect(pages.text('[data-testid="progress"]')).toBe('1 of 3 mandatory items completed');
    expect(pages.element.querySelector('form')).toBeNull();
    expect(pages.element.querySelector('button')).toBeNull();
    expect(pages.text('[data-testid="task"]')).toContain('Chase the staff list');
    // The emails to read, but none to send again.
    expect(pages.text('[data-testid="email"]')).toContain('550 No such mailbox');
  });

  it('says why a provider could not be loaded', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    await pages.refuse('GET', BASE, 404, 'There is no such provider in this LSP');
    for (const path of ['/assessment', '/blockers', '/publications', '/notes', '/tasks']) {
      await pages.refuse('GET', BASE + path, 404, 'There is no such provider in this LSP');
    }

    expect(pages.text('[data-testid="load-problem"]')).toBe('The provider could not be loaded. There is no such provider in this LSP');
  });
});

describe('openItemsFor', () => {
  it('is every blocker for Standards Met and above, and only the AS items for Approaching Standards', () => {
    expect(openItemsFor('standards_exceeded', BLOCKERS.items, QUESTIONS)).toEqual(['1.1.2', '4.1.1']);
    expect(openItemsFor('approaching_standards', BLOCKERS.items, QUESTIONS)).toEqual(['1.1.2']);
  });
});
