import type {
  AssessmentQuestionView,
  AssessmentView,
  AssignableAdviserList,
  BlockerList,
  CaseNoteList,
  EmailMessageList,
  ProviderPageView,
  PublicationList,
  Task,
  TaskList,
} from '@dspt/contracts';
import { fillInDialogMethods } from '@dspt/web/reminders/testing';
import { LspPages, ME, SLUG } from '../testing/lsp-pages';
import { PROVIDER_API, PROVIDER_ID, providerContact, providerDetail } from '../testing/provider-pages';
import { openItemsFor } from './publication-form';

const ID = PROVIDER_ID;
const BASE = PROVIDER_API;

const PROVIDER = providerDetail({
  odsCode: 'A1B2',
  name: 'Oak Care Group',
  kind: 'hq',
  branches: [{ id: 'b-1', odsCode: 'V1234', name: 'Oak Care Hexham' }],
  sizeBand: 'medium',
  assignedAdviser: { id: ME.id, displayName: ME.displayName, email: 'jo@example.org' },
  version: 3,
  contacts: [
    providerContact('c-1'),
    providerContact('c-2', {
      name: 'Lee Owner',
      email: 'lee@oak.example',
      phone: null,
      role: 'owner',
      isPrimary: false,
      unsubscribedAt: '2026-02-01T09:00:00Z',
    }),
  ],
  status: 'in_progress',
  progress: { completed: 1, total: 3 },
});

function question(
  code: string,
  section: string,
  overrides: Partial<AssessmentQuestionView> = {},
): AssessmentQuestionView {
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
  question('1.1.1', 'Staffing and Roles', {
    level: 'AS',
    status: 'completed',
    updatedBy: 'Sam',
    updatedAt: '2026-03-01T10:00:00Z',
  }),
  question('1.1.2', 'Staffing and Roles', { level: 'AS', comment: 'Waiting for the staff list' }),
  question('1.2.1', 'Staffing and Roles', { level: 'none', mandatory: false }),
  question('4.1.1', 'Data Security'),
];
const ASSESSMENT: AssessmentView = {
  cycle: '2025-26',
  deadline: '2026-06-30',
  progress: { completed: 1, total: 3 },
  questions: QUESTIONS,
};
const blocker = (code: string, section: string) => ({
  code,
  section,
  title: `Item ${code}`,
  sentence: `Please complete mandatory requirement ${code} in the ${section} section`,
});
const BLOCKERS: BlockerList = {
  cycle: '2025-26',
  items: [blocker('1.1.2', 'Staffing and Roles'), blocker('4.1.1', 'Data Security')],
};
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
  items: [
    {
      id: 'n-1',
      kind: 'call',
      body: 'Called the manager.',
      occurredAt: '2026-03-02T10:30:00Z',
      author: { id: 'u-sam', displayName: 'Sam' },
    },
  ],
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
const PAGE: ProviderPageView = {
  provider: PROVIDER,
  assessment: ASSESSMENT,
  blockers: BLOCKERS,
  publications: PUBLICATIONS,
  notes: NOTES,
  tasks: TASKS,
  moves: { items: [], waiting: 0 },
  emails: EMAILS,
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
    // Every part of the page in one request; nothing else about the provider is asked.
    await pages.answer('GET', `${BASE}/page`, PAGE);
    for (const path of ['', '/assessment', '/blockers', '/publications', '/notes', '/tasks', '/emails']) {
      pages.http.expectNone(BASE + path);
    }
    pages.http.expectNone((request) => request.url.endsWith('/transfer-requests'));
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
        ['ODS code', 'A1B2', 'Change ODS code'],
        ['Kind', 'Headquarters (HQ) Oak Care Hexham (V1234)', 'Change kind'],
        ['Type of service', 'Care home (residential)', 'Change type of service'],
        ['Size', 'Medium (50 to 249 staff)', 'Change size'],
        ['Local authority', 'Northumberland', 'Change local authority'],
        ['Region', 'North East', 'Change region'],
        ['Adviser', 'Jo Adviser'],
        ['Cyber Essentials Plus', 'No', 'Change Cyber Essentials Plus'],
        ['Last contact', 'Never'],
      ]);
      // Grouped by section, each item once with its code and name.
      expect(pages.text('[data-testid="blockers"] p')).toBe('2 mandatory items are not complete yet:');
      expect(pages.texts('[data-testid="blocker-section"]')).toEqual(['Staffing and Roles', 'Data Security']);
      expect(pages.texts('[data-testid="blocker"]')).toEqual(['1.1.2 Item 1.1.2', '4.1.1 Item 4.1.1']);
      expect(pages.text('[data-testid="blockers"]')).not.toContain('Please complete');
      expect(pages.text('[data-testid="publications"]')).toContain(
        '2024-25 Approaching Standards, published 10/05/2025',
      );
      expect(pages.text('[data-testid="contacts"]')).toContain('Pat Manager Primary contact');
      expect(pages.text('[data-testid="note"]')).toContain('Phone call');
      expect(pages.text('[data-testid="note"]')).toContain('Called the manager.');
      expect(pages.text('[data-testid="task"]')).toContain('Chase the staff list');
      expect(pages.text('[data-testid="task"]')).toContain('Overdue');
    });

    it('puts what an adviser calls about first: main contact, next task, adviser and what to do next', () => {
      expect(pages.cells('[data-testid="key-facts"] .nhsuk-summary-list__row')).toEqual([
        ['Main contact', 'Pat Manager pat@oak.example'],
        ['Next task', 'Chase the staff list due 1 March 2026 Overdue'],
        ['Adviser', ME.displayName],
      ]);
      expect(pages.element.querySelector('[data-testid="main-contact"] a')!.getAttribute('href')).toBe(
        'mailto:pat@oak.example',
      );
      expect(pages.texts('[data-testid="calls-to-action"] a')).toEqual(['Record a call', 'Send guidance']);
      // The first screen comes before the long sections.
      const keyFacts = pages.element.querySelector('[data-testid="key-facts"]')!;
      expect(
        keyFacts.compareDocumentPosition(pages.element.querySelector('#summary')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    });

    it('lists its sections in a contents list whose links move focus to them', () => {
      const links = [...pages.element.querySelectorAll<HTMLAnchorElement>('[data-testid="contents"] a')];
      expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
        ['Summary', '#summary'],
        ['What stops publishing', '#blockers'],
        ['Assessment', '#assessment'],
        ['Publications', '#publications'],
        ['Contacts', '#contacts'],
        ['Case notes', '#case-notes'],
        ['Tasks', '#tasks'],
        ['Emails', '#emails'],
      ]);
      for (const link of links) {
        expect(pages.element.querySelector(link.getAttribute('href')!)?.tagName).toBe('H2');
      }
      links[6].click();
      expect(document.activeElement?.id).toBe('tasks');
      expect(pages.url).toBe(`/lsp/${SLUG}/providers/${ID}`);
    });

    it('"Record a call" opens the note form and takes focus there', () => {
      const details = pages.element.querySelector<HTMLDetailsElement>('#add-note')!;
      expect(details.open).toBe(false);
      [...pages.element.querySelectorAll<HTMLAnchorElement>('[data-testid="calls-to-action"] a')][0].click();
      expect(details.open).toBe(true);
      expect(document.activeElement).toBe(details.querySelector('summary'));
    });

    it('lists the assessment by section as the DSPT does, with Mandatory and status marks', () => {
      expect(pages.texts('dspt-assessment-list h3')).toEqual(['Staffing and Roles', 'Data Security']);
      expect(pages.texts('[data-testid="section-Staffing and Roles"] tbody tr td:nth-child(3)')).toEqual([
        'Mandatory',
        'Mandatory',
        '',
      ]);
      expect(pages.text('[data-testid="question-1.1.1"] [data-testid="question-status"]')).toBe('Completed');
      expect(pages.text('[data-testid="question-1.1.1"]')).toContain('Updated 1 March 2026 by Sam');
      expect(pages.text('[data-testid="question-1.1.2"]')).toContain('Comment: Waiting for the staff list');
    });

    it("changes a question's status and comment, then shows the new progress and blockers", async () => {
      await pages.click('Update 1.1.2');
      expect(document.activeElement?.textContent).toContain('Update 1.1.2 Item 1.1.2');
      expect(pages.element.querySelector<HTMLTextAreaElement>('#question-1-1-2-comment')!.value).toBe(
        'Waiting for the staff list',
      );

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
      expect(pages.texts('[data-testid="blocker"]')).toEqual(['4.1.1 Item 4.1.1']);
      expect(pages.text('[data-testid="question-1.1.2"] [data-testid="question-status"]')).toBe('Completed');
      expect(pages.element.querySelector('[data-testid="question-form-1.1.2"]')).toBeNull();
      expect(document.activeElement?.id).toBe('update-1-1-2');
    });

    it('records a publication, marking the open items done in the same step', async () => {
      await pages.set('publication-level-standards_met', true);
      expect(pages.text('label[for="publication-complete-items"]')).toBe(
        'Mark the 2 items still open as completed: 1.1.2, 4.1.1',
      );
      await pages.set('publication-complete-items', true);
      await pages.setDate('publication-date', '2026-03-05');
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
      expect(pages.text('[data-testid="publications-confirmation"]')).toBe(
        'Recorded: 2025-26 Standards Met, published 05/03/2026.',
      );
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

      const summary = pages.element.querySelector<HTMLElement>(
        '[data-testid="publication-form"]',
      )!.previousElementSibling;
      expect(summary?.textContent).toContain('cannot publish Approaching Standards again');
      expect(document.activeElement).toBe(summary?.querySelector('.nhsuk-error-summary'));
    });

    it('checks a publication before sending it', async () => {
      await pages.setDate('publication-date', '2999-01-01');
      await pages.submit('publication-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual([
        'Select the level the provider published',
        'Date published must be today or in the past',
      ]);
      // One message for the date's group; a real date that is refused marks all three boxes.
      expect(pages.texts('#publication-date .nhsuk-error-message')).toEqual([
        'Error: Date published must be today or in the past',
      ]);
      expect(
        ['day', 'month', 'year'].map((part) =>
          document.getElementById(`publication-date-${part}`)!.getAttribute('aria-invalid'),
        ),
      ).toEqual(['true', 'true', 'true']);
      expect(document.getElementById('publication-level-standards_met')!.getAttribute('aria-invalid')).toBe('true');
      pages.http.expectNone({ method: 'POST' });
    });

    it('names the wrong box of a date that is not real, and the summary link goes to it', async () => {
      await pages.set('publication-level-standards_met', true);
      await pages.setDate('publication-date', '2026-02-30');
      await pages.submit('publication-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual(['Date published must be a real date']);
      expect(
        ['day', 'month', 'year'].map((part) =>
          document.getElementById(`publication-date-${part}`)!.getAttribute('aria-invalid'),
        ),
      ).toEqual(['true', null, null]);
      pages.element.querySelector<HTMLElement>('[data-testid="error-summary"] a')!.click();
      expect(document.activeElement?.id).toBe('publication-date-day');
      pages.http.expectNone({ method: 'POST' });
    });

    it('adds a case note with when it happened, then shows it and the new last contact', async () => {
      await pages.set('note-kind', 'visit');
      await pages.set('note-body', 'Visited: went through 4.1.1.');
      // A day and a UK time, whatever the browser's zone (these tests run in New York's).
      await pages.setDate('note-date', '2026-07-04');
      await pages.set('note-time', '2:15pm');
      await pages.submit('note-form');

      const request = await pages.answer('POST', `${BASE}/notes`, { ...NOTES.items[0], id: 'n-2' });
      expect(request.request.body).toEqual({
        kind: 'visit',
        body: 'Visited: went through 4.1.1.',
        occurredAt: '2026-07-04T13:15:00.000Z',
      });
      await answerReloads(['/notes', '']);
      expect(pages.text('[data-testid="notes-confirmation"]')).toBe('Your note was added.');
      expect(pages.element.querySelector<HTMLTextAreaElement>('#note-body')!.value).toBe('');
    });

    it('refuses an empty note', async () => {
      await pages.submit('note-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual([
        'Select the type of note',
        'Enter what happened',
      ]);
      pages.http.expectNone({ method: 'POST' });
    });

    it('refuses a time that is no time', async () => {
      await pages.set('note-kind', 'call');
      await pages.set('note-body', 'Called.');
      await pages.set('note-time', 'after lunch');
      await pages.submit('note-form');

      expect(pages.texts('[data-testid="error-summary"] a')).toEqual([
        'Enter the time it happened like 2:30pm or 14:30',
      ]);
      expect(document.getElementById('note-time')!.getAttribute('aria-invalid')).toBe('true');
      pages.http.expectNone({ method: 'POST' });
    });

    it('adds a task, and marks one done', async () => {
      await pages.set('task-title', 'Call about 4.1.1');
      await pages.setDate('task-due', '2999-04-01');
      await pages.submit('task-form');

      const added = await pages.answer('POST', `${BASE}/tasks`, { ...TASK, id: 't-2', title: 'Call about 4.1.1' });
      expect(added.request.body).toEqual({ title: 'Call about 4.1.1', dueOn: '2999-04-01', assigneeId: ME.id });
      await answerReloads(['/tasks']);
      expect(pages.text('[data-testid="tasks-confirmation"]')).toBe('Task added: Call about 4.1.1');

      await pages.click('Mark "Chase the staff list" as done');
      const done = await pages.answer('PATCH', `/api/tenants/${SLUG}/tasks/t-1`, {
        ...TASK,
        doneAt: '2026-03-05T10:00:00Z',
      });
      expect(done.request.body).toEqual({ done: true });
      await answerReloads(['/tasks']);
      expect(pages.text('[data-testid="tasks-confirmation"]')).toBe('Task done: Chase the staff list');
      // The button is gone with the task: focus goes to the confirmation, not to the page's body.
      expect(document.activeElement?.contains(pages.element.querySelector('[data-testid="tasks-confirmation"]'))).toBe(
        true,
      );
      expect(document.activeElement?.classList).toContain('nhsuk-notification-banner');
    });

    it('sends a guidance email listing the open items, then shows the case note it made and the email', async () => {
      expect(pages.text('[data-testid="email"]')).toContain('550 No such mailbox');
      await pages.click('Send a guidance email');
      expect(pages.texts('[data-testid="guidance-items"] .nhsuk-checkboxes__label')).toEqual([
        '1.1.2 Item 1.1.2',
        '4.1.1 Item 4.1.1',
      ]);
      // Lee unsubscribed: shown, but only Pat can be chosen.
      expect(pages.element.querySelector<HTMLInputElement>('[id="guidance-contact-c-2"]')?.disabled).toBe(true);
      await pages.set('guidance-message', 'As we discussed.');
      await pages.click('Preview the email');
      const rendered = {
        contactId: 'c-1',
        toName: 'Pat Manager',
        to: 'pat@oak.example',
        from: 'LSP',
        replyTo: null,
        subject: 'Help',
        text: 'Dear Pat',
        html: '<p>Dear Pat</p>',
      };
      await pages.answer('POST', `${BASE}/guidance-emails/preview`, { emails: [rendered] });
      await pages.click('Send guidance email');

      const queued = {
        ...EMAILS.items[0],
        id: 'm-2',
        kind: 'guidance' as const,
        offsetDays: null,
        status: 'queued' as const,
        lastError: null,
      };
      const request = await pages.answer('POST', `${BASE}/guidance-emails`, { ...queued, messages: [queued] });
      expect(request.request.body).toEqual({
        contactIds: ['c-1'],
        questionCodes: ['1.1.2', '4.1.1'],
        message: 'As we discussed.',
        requestId: expect.any(String),
      });
      const note = {
        id: 'n-2',
        kind: 'email',
        body: 'Guidance email to Pat Manager <pat@oak.example> listing 2 open mandatory items (1.1.2, 4.1.1).',
        occurredAt: '2026-03-05T10:00:00Z',
        author: { id: ME.id, displayName: ME.displayName },
      };
      await answerReloads(['/notes', '', '/emails'], {
        '/notes': { items: [note, ...NOTES.items] },
        '/emails': {
          ...EMAILS,
          items: [{ ...queued, status: 'sent', sentAt: '2026-03-05T10:00:02Z' }, ...EMAILS.items],
        },
      });
      expect(pages.text('[data-testid="emails-confirmation"]')).toBe(
        'Guidance email to Pat Manager queued. It is in the list below, and in the case notes.',
      );
      expect(pages.text('[data-testid="note"]')).toContain('Guidance email to Pat Manager');
      expect(pages.texts('[data-testid="email-status"]')).toEqual(['Sent', 'Failed']);
    });

    it("resubscribes a contact who unsubscribed, recording the person's request, and shows the case note", async () => {
      await pages.set('resubscribe-request-c-2', 'Lee phoned on 3 Dec asking for the reminders again');
      await pages.click('Resubscribe Lee Owner');
      const request = await pages.answer('POST', `${BASE}/contacts/c-2/resubscribe`, {
        ...PROVIDER.contacts[1],
        unsubscribedAt: null,
      });
      expect(request.request.body).toEqual({ request: 'Lee phoned on 3 Dec asking for the reminders again' });
      const note = {
        id: 'n-resubscribed',
        kind: 'note',
        body: 'Lee Owner <lee@oak.example> resubscribed to emails (unsubscribed on 2026-02-01). Their request: Lee phoned on 3 Dec asking for the reminders again',
        occurredAt: '2026-03-05T10:00:00Z',
        author: { id: 'u-1', displayName: 'Ada Adviser' },
      };
      await answerReloads(['/notes', ''], {
        '/notes': { items: [note, ...NOTES.items] },
        '': { ...PROVIDER, contacts: [PROVIDER.contacts[0], { ...PROVIDER.contacts[1], unsubscribedAt: null }] },
      });
      expect(pages.text('[data-testid="note"]')).toContain('Their request: Lee phoned on 3 Dec');
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
      await pages.setDate('task-due', '2999-04-01');
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
      await pages.setDate('task-due', '2999-04-01');
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
      await pages.choose(
        'question-status-file',
        new File(['code,status\n1.1.2,completed\n'], 'statuses.csv', { type: 'text/csv' }),
      );
      await pages.submit('question-status-import-form');

      const request = await pages.answer('POST', `${BASE}/assessment/import`, {
        cycle: '2025-26',
        rows: 1,
        changed: 1,
        progress: { completed: 2, total: 3 },
        status: 'in_progress',
      });
      expect(((request.request.body as FormData).get('file') as File).name).toBe('statuses.csv');
      await answerReloads(['', '/assessment', '/blockers'], {
        '': { ...PROVIDER, progress: { completed: 2, total: 3 } },
      });

      expect(pages.text('[data-testid="assessment-confirmation"]')).toBe(
        'Imported 1 row: 1 item changed. 2 of 3 mandatory items completed.',
      );
      expect(pages.text('[data-testid="progress"]')).toBe('2 of 3 mandatory items completed');
      expect(pages.element.querySelector<HTMLInputElement>('#question-status-file')!.value).toBe('');
    });

    it('lists every bad row of a refused question-status file', async () => {
      await pages.choose(
        'question-status-file',
        new File(['code,status\n9.9.9,done\n'], 'statuses.csv', { type: 'text/csv' }),
      );
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

  const eraseLinks = () =>
    [...pages.element.querySelectorAll<HTMLAnchorElement>('a')]
      .filter((link) => /Erase/.test(link.textContent ?? ''))
      .map((link) => [link.textContent?.replace(/\s+/g, ' ').trim(), link.getAttribute('href')]);

  it('gives an LSP admin the links to erase a contact or the provider', async () => {
    pages = new LspPages('admin');
    await open();
    expect(eraseLinks()).toEqual([
      ['Erase Pat Manager', `/lsp/${SLUG}/providers/${ID}/contacts/c-1/erase`],
      ['Erase Lee Owner', `/lsp/${SLUG}/providers/${ID}/contacts/c-2/erase`],
      ['Erase Oak Care Group', `/lsp/${SLUG}/providers/${ID}/erase`],
    ]);
  });

  it('gives an adviser no erase links', async () => {
    pages = new LspPages('adviser');
    await open();
    expect(eraseLinks()).toEqual([]);
  });

  it('shows "Page not found" for a provider that is not in the LSP, not the API\'s words', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    await pages.refuse('GET', `${BASE}/page`, 404, 'There is no such provider in this LSP');

    expect(pages.text('h1')).toBe('Page not found');
    expect(pages.element.textContent).not.toContain('There is no such provider');
  });

  it('goes back to the caseload as the user left it: view, filters, sort and page', async () => {
    sessionStorage.setItem(
      'dspt.caseload-return',
      JSON.stringify({ [SLUG]: { view: 'mine', status: 'not_published', sort: 'name', page: 2 } }),
    );
    pages = new LspPages('viewer');
    await open();

    expect(pages.element.querySelector('[data-testid="back-to-caseload"]')!.getAttribute('href')).toBe(
      `/lsp/${SLUG}/caseload?view=mine&status=not_published&sort=name&page=2`,
    );
    sessionStorage.clear();
  });

  it('shows "Page not found" for an address whose id is no id, without asking the API', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/providers/not-a-uuid`);

    expect(pages.text('h1')).toBe('Page not found');
    pages.http.expectNone(() => true);
  });

  it('says why a provider could not be loaded when the service fails', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    await pages.refuse('GET', `${BASE}/page`, 503, 'The service is busy');

    expect(pages.text('[data-testid="load-problem"]')).toBe('The provider could not be loaded. The service is busy');
  });
});

describe('openItemsFor', () => {
  it('is every blocker for Standards Met and above, and only the AS items for Approaching Standards', () => {
    expect(openItemsFor('standards_exceeded', BLOCKERS.items, QUESTIONS)).toEqual(['1.1.2', '4.1.1']);
    expect(openItemsFor('approaching_standards', BLOCKERS.items, QUESTIONS)).toEqual(['1.1.2']);
  });
});
