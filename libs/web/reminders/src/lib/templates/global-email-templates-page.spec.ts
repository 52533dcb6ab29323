import type { EmailTemplateList, EmailTemplateView } from '@dspt/contracts';
import { TEMPLATE_PLACEHOLDERS } from '@dspt/domain';
import { ReminderPages, SYSTEM_ADMIN } from '../testing/reminder-pages';
import { GlobalEmailTemplatesPage } from './global-email-templates-page';

const URL = '/api/admin/email-templates';

function template(key: EmailTemplateView['key']): EmailTemplateView {
  const subject = 'DSPT deadline {{deadline}}: {{itemsLeft}} items left for {{providerName}}';
  const body = 'Dear {{contactName}},\n\n{{openItems}}\n\n{{adviserName}}, {{lspName}}';
  return {
    key,
    subject,
    body,
    isOverride: false,
    defaultSubject: subject,
    defaultBody: body,
    placeholders: [...TEMPLATE_PLACEHOLDERS[key]],
    updatedAt: null,
  };
}

const TEMPLATES: EmailTemplateList = {
  items: [template('deadline_reminder'), template('guidance'), template('invitation')],
};

describe('GlobalEmailTemplatesPage', () => {
  let pages: ReminderPages;

  beforeEach(async () => {
    pages = new ReminderPages(SYSTEM_ADMIN, [{ path: 'admin/email-templates', component: GlobalEmailTemplatesPage }]);
    await pages.open('/admin/email-templates');
    await pages.answer('GET', URL, TEMPLATES);
  });

  afterEach(() => pages.close());

  it('previews a default with made-up values (system admins see no provider), without asking the API', async () => {
    expect(pages.text('h1')).toBe('Default email templates');
    await pages.click('Preview');
    expect(pages.text('[data-testid="preview-subject"]')).toMatch(
      /^DSPT deadline 30 June \d{4}: 2 items left for Example Care Home$/,
    );
    const text = pages.element.querySelector('[data-testid="preview-text"]')!.textContent!;
    expect(text).toContain(
      '- 1.1.1 (Policies and Procedures): Your organisation has a record of the personal data it holds',
    );
    expect(text).toContain(
      'To stop these emails, open this link: https://dspt-portal.example/unsubscribe?token=example',
    );
    expect(pages.element.querySelector('[data-testid="preview-html"]')!.getAttribute('srcdoc')).toContain(
      '<li><strong>1.1.1</strong>',
    );
  });

  it('saves a default, and shows the refusal of an unknown placeholder on its field', async () => {
    await pages.set('template-subject', 'Reminder for {{provider}}');
    await pages.click('Save the default');
    const message = 'Unknown placeholder {{provider}} in the subject: use one of {{contactName}}, {{providerName}}';
    const refused = await pages.refuse('PUT', URL, 400, message, [{ field: 'subject', message }]);
    expect(refused.request.body.key).toBe('deadline_reminder');
    expect(pages.fieldError('template-subject')).toBe(message);

    await pages.set('template-subject', 'Reminder for {{providerName}}');
    await pages.click('Save the default');
    await pages.answer('PUT', URL, { ...template('deadline_reminder'), subject: 'Reminder for {{providerName}}' });
    expect(pages.text('[data-testid="template-confirmation"]')).toBe(
      'Saved. LSPs without their own deadline reminder use this wording from now on.',
    );
    expect(pages.fieldError('template-subject')).toBeUndefined();
  });
});
