import type {
  CaseloadPage,
  EmailSettings,
  EmailTemplateList,
  EmailTemplateView,
  RenderedEmailView,
} from '@dspt/contracts';
import { TEMPLATE_PLACEHOLDERS } from '@dspt/domain';
import { LSP_NAME, ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { LspEmailTemplatesPage } from './lsp-email-templates-page';
import { insertAt } from './placeholders';

const BASE = `/api/tenants/${SLUG}`;

function template(key: EmailTemplateView['key'], overrides: Partial<EmailTemplateView> = {}): EmailTemplateView {
  const subject = `Default subject of ${key} for {{lspName}}`;
  const body = `Dear {{contactName}},\n\nDefault body of ${key}.`;
  return {
    key,
    subject,
    body,
    isOverride: false,
    defaultSubject: subject,
    defaultBody: body,
    placeholders: [...TEMPLATE_PLACEHOLDERS[key]],
    updatedAt: null,
    ...overrides,
  };
}

const TEMPLATES: EmailTemplateList = {
  items: [
    template('deadline_reminder'),
    template('guidance', {
      isOverride: true,
      subject: 'Our guidance for {{providerName}}',
      updatedAt: '2026-11-01T09:30:00.000Z',
    }),
    template('invitation'),
  ],
};
const SETTINGS: EmailSettings = { replyTo: null, senderName: LSP_NAME };
const PROVIDERS = {
  items: [
    { id: 'p-ash', name: 'Ash Lodge', odsCode: 'AB1' },
    { id: 'p-oak', name: 'Oak House', odsCode: 'OK2' },
  ],
  total: 2,
  page: 1,
  pageSize: 100,
  cycle: '2026-27',
} as unknown as CaseloadPage;

const RENDERED: RenderedEmailView = {
  to: '"Pat Manager" <pat@oak.example>',
  from: `"${LSP_NAME}" <no-reply@dspt-portal.localhost>`,
  replyTo: null,
  subject: 'DSPT deadline 30 June 2027 for Oak House',
  text: 'Dear Pat Manager,\n\nOak House has 4 items left.\n',
  html: '<!doctype html><html lang="en"><body><p>Dear Pat Manager,</p><p>Oak House has 4 items left.</p></body></html>',
};

describe('insertAt', () => {
  it('puts a placeholder in place of the selection and gives the cursor after it', () => {
    expect(insertAt('Dear ,', '{{contactName}}', 5)).toEqual({ text: 'Dear {{contactName}},', cursor: 20 });
    expect(insertAt('Dear you,', '{{contactName}}', 5, 8)).toEqual({ text: 'Dear {{contactName}},', cursor: 20 });
    expect(insertAt('Hi', '{{x}}', 99)).toEqual({ text: 'Hi{{x}}', cursor: 7 });
  });
});

describe('LspEmailTemplatesPage', () => {
  let pages: ReminderPages;

  async function open(query = ''): Promise<void> {
    pages = new ReminderPages(memberWithRole('admin'), [
      { path: 'lsp/:slug/email-templates', component: LspEmailTemplatesPage },
    ]);
    await pages.open(`/lsp/${SLUG}/email-templates${query}`);
    await pages.answer('GET', `${BASE}/email-templates`, TEMPLATES);
    await pages.answer('GET', `${BASE}/email-settings`, SETTINGS);
    const providers = await pages.answer('GET', `${BASE}/providers`, PROVIDERS);
    expect(providers.request.params.get('sort')).toBe('name');
  }

  afterEach(() => pages.close());

  const value = (id: string) => pages.element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!.value;

  it('shows the chosen template, its placeholders, and whether it is the default', async () => {
    await open();
    expect(pages.texts('nav[aria-label="Templates"] a')).toEqual(['Deadline reminder', 'Guidance email', 'Invitation']);
    expect(pages.text('h2')).toBe('Deadline reminder');
    expect(pages.text('[data-testid="template-source"]')).toBe(`Default wording Saving makes it ${LSP_NAME}'s own.`);
    expect(value('template-subject')).toBe('Default subject of deadline_reminder for {{lspName}}');
    expect(pages.texts('[data-testid="placeholders"] button')).toEqual(
      TEMPLATE_PLACEHOLDERS.deadline_reminder.map((name) => `Insert {{${name}}}`),
    );
    // The first provider is chosen to preview with.
    expect(value('template-preview-provider')).toBe('p-ash');
    expect(() => pages.button('Go back to the default wording')).toThrow();
  });

  it('inserts a placeholder where the cursor is and saves the wording', async () => {
    await open('?template=guidance');
    expect(pages.text('[data-testid="template-source"]')).toBe(
      `${LSP_NAME}'s own wording saved 1 November 2026 at 9:30am`,
    );
    const body = pages.element.querySelector<HTMLTextAreaElement>('#template-body')!;
    await pages.set('template-body', 'Dear ,\n\nHere is what is left.');
    body.focus();
    body.setSelectionRange(5, 5);
    await pages.click('Insert {{contactName}}');
    expect(body.value).toBe('Dear {{contactName}},\n\nHere is what is left.');
    expect(document.activeElement).toBe(body);
    expect(body.selectionStart).toBe(20);

    await pages.click('Save');
    const saved = template('guidance', {
      isOverride: true,
      subject: 'Our guidance for {{providerName}}',
      body: body.value,
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    const request = await pages.answer('PUT', `${BASE}/email-templates`, saved);
    expect(request.request.body).toEqual({
      key: 'guidance',
      subject: 'Our guidance for {{providerName}}',
      body: 'Dear {{contactName}},\n\nHere is what is left.',
    });
    expect(pages.text('[data-testid="template-confirmation"]')).toBe(
      `Saved. ${LSP_NAME}'s guidance emails use this wording from now on.`,
    );
  });

  it('shows an unknown placeholder the API refused on the field it is in', async () => {
    await open();
    await pages.set('template-body', 'Hello {{providerNmae}}');
    await pages.click('Save');
    const message = 'Unknown placeholder {{providerNmae}} in the body: use one of {{contactName}}, {{providerName}}';
    await pages.refuse('PUT', `${BASE}/email-templates`, 400, message, [{ field: 'body', message }]);
    expect(pages.fieldError('template-body')).toBe(message);
    expect(pages.fieldError('template-subject')).toBeUndefined();
    expect(pages.texts('[data-testid="error-summary"] li')).toEqual([message]);
    expect(pages.text('[data-testid="template-confirmation"]')).toBeUndefined();
  });

  it("previews the draft with the chosen provider's data, as HTML and plain text", async () => {
    await open();
    await pages.set('template-preview-provider', 'p-oak');
    await pages.set('template-subject', 'DSPT deadline {{deadline}} for {{providerName}}');
    await pages.click('Preview');
    const request = await pages.answer('POST', `${BASE}/email-templates/preview`, RENDERED);
    expect(request.request.body).toEqual({
      key: 'deadline_reminder',
      providerId: 'p-oak',
      subject: 'DSPT deadline {{deadline}} for {{providerName}}',
      body: 'Dear {{contactName}},\n\nDefault body of deadline_reminder.',
    });
    expect(pages.cells('[data-testid="preview-headers"] .nhsuk-summary-list__row')).toEqual([
      ['From', `"${LSP_NAME}" <no-reply@dspt-portal.localhost>`],
      ['Replies go to', 'The portal address (no reply-to set)'],
      ['To', '"Pat Manager" <pat@oak.example>'],
      ['Subject', 'DSPT deadline 30 June 2027 for Oak House'],
    ]);
    const frame = pages.element.querySelector<HTMLIFrameElement>('[data-testid="preview-html"]')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(RENDERED.html);
    expect(pages.text('[data-testid="preview-text"]')).toBe('Dear Pat Manager, Oak House has 4 items left.');
    // Nothing was saved.
    pages.http.expectNone(`${BASE}/email-templates`);
  });

  it("shows the API's refusal of a draft's preview on its field", async () => {
    await open();
    await pages.set('template-subject', 'Items: {{openItems}} {{nope}}');
    await pages.click('Preview');
    await pages.refuse('POST', `${BASE}/email-templates/preview`, 400, 'Unknown placeholder {{nope}} in the subject', [
      { field: 'subject', message: 'Unknown placeholder {{nope}} in the subject' },
    ]);
    expect(pages.fieldError('template-subject')).toBe('Unknown placeholder {{nope}} in the subject');
    expect(pages.element.querySelector('[data-testid="preview-html"]')).toBeNull();
  });

  it('previews the invitation with made-up values, checking placeholders as the API does', async () => {
    await open('?template=invitation');
    expect(pages.element.querySelector('#template-preview-provider')).toBeNull();
    await pages.set('template-body', 'Join {{lspName}} as {{role}}: {{inviteLink}}');
    await pages.click('Preview');
    pages.http.expectNone(`${BASE}/email-templates/preview`);
    expect(pages.text('[data-testid="preview-subject"]')).toBe(`Default subject of invitation for ${LSP_NAME}`);
    expect(pages.text('[data-testid="preview-text"]')).toBe(
      `Join ${LSP_NAME} as an adviser: https://dspt-portal.example/invitations/accept?token=example`,
    );

    await pages.set('template-body', 'Join {{providerName}}');
    await pages.click('Preview');
    expect(pages.fieldError('template-body')).toMatch(/^Unknown placeholder \{\{providerName\}\} in the body/);
  });

  it('goes back to the default wording after asking', async () => {
    await open('?template=guidance');
    await pages.click('Go back to the default wording');
    expect(pages.text('.nhsuk-card__heading')).toBe('Go back to the default guidance email?');
    await pages.click('Yes, use the default wording');
    const request = await pages.answer('DELETE', `${BASE}/email-templates`, template('guidance'));
    expect(request.request.params.get('key')).toBe('guidance');
    expect(pages.text('[data-testid="template-confirmation"]')).toBe(
      'The guidance email uses the default wording again.',
    );
    expect(value('template-subject')).toBe('Default subject of guidance for {{lspName}}');
    expect(pages.text('[data-testid="template-source"]')).toContain('Default wording');
  });

  it('saves where replies go', async () => {
    await open();
    await pages.set('reply-to', 'not-an-address');
    await pages.click('Save reply address');
    pages.http.expectNone(`${BASE}/email-settings`);
    await pages.set('reply-to', 'dspt-help@north.example');
    await pages.click('Save reply address');
    const request = await pages.answer('PUT', `${BASE}/email-settings`, {
      ...SETTINGS,
      replyTo: 'dspt-help@north.example',
    });
    expect(request.request.body).toEqual({ replyTo: 'dspt-help@north.example' });
    expect(pages.text('[data-testid="template-confirmation"]')).toBe(
      `Replies to ${LSP_NAME}'s emails go to dspt-help@north.example.`,
    );
  });
});
