import { emailGreeting, valueInSentence } from './email-greeting';

/**
 * Email templates (DESIGN.md §6): a subject and a plain-text body with `{{placeholders}}`, from which both
 * the plain-text and the HTML part of an email are made. LSP admins edit the words; the placeholders they
 * may use depend on the template, and anything else is refused when the template is saved.
 */
export const EMAIL_TEMPLATE_KEYS = ['deadline_reminder', 'guidance', 'invitation'] as const;
export type EmailTemplateKey = (typeof EMAIL_TEMPLATE_KEYS)[number];

const PROVIDER_PLACEHOLDERS = [
  'contactName',
  'providerName',
  'odsCode',
  'lspName',
  'adviserName',
  'cycle',
  'deadline',
  'daysLeft',
  'itemsLeft',
  'openItems',
] as const;

/** What each template may use. */
export const TEMPLATE_PLACEHOLDERS = {
  deadline_reminder: PROVIDER_PLACEHOLDERS,
  guidance: [...PROVIDER_PLACEHOLDERS, 'personalMessage'],
  invitation: ['lspName', 'role', 'inviteLink', 'expiresOn'],
} as const satisfies Record<EmailTemplateKey, readonly string[]>;

export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[EmailTemplateKey][number];

/** Placeholders that stand for a block (a list, a message): body only; on a line of their own they form their own paragraph. */
export const BLOCK_PLACEHOLDERS: readonly string[] = ['openItems', 'personalMessage'];

export const TEMPLATE_SUBJECT_MAX = 200;
export const TEMPLATE_BODY_MAX = 20_000;

export interface EmailTemplateText {
  subject: string;
  body: string;
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  message: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names used in a text, in order of appearance (repeats kept). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

export function isEmailTemplateKey(value: unknown): value is EmailTemplateKey {
  return typeof value === 'string' && (EMAIL_TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** Everything wrong with a template, each naming the field and, for placeholders, the placeholder itself. */
export function templateProblems(key: EmailTemplateKey, template: EmailTemplateText): TemplateProblem[] {
  const allowed: readonly string[] = TEMPLATE_PLACEHOLDERS[key];
  const problems: TemplateProblem[] = [];
  const checkText = (field: 'subject' | 'body', text: string, max: number) => {
    if (text.trim().length === 0) {
      problems.push({ field, message: `${field} must not be blank` });
    }
    if (text.length > max) {
      problems.push({ field, message: `${field} must be at most ${max} characters` });
    }
    const unclosed = text.replace(PLACEHOLDER, '');
    if (unclosed.includes('{{') || unclosed.includes('}}')) {
      problems.push({
        field,
        message: `${field} has a {{ or }} that is not part of a placeholder such as {{providerName}}`,
      });
    }
    for (const name of new Set(placeholdersIn(text))) {
      if (!allowed.includes(name)) {
        problems.push({
          field,
          message: `Unknown placeholder {{${name}}} in the ${field}: use one of ${allowed.map((known) => `{{${known}}}`).join(', ')}`,
        });
      } else if (field === 'subject' && BLOCK_PLACEHOLDERS.includes(name)) {
        problems.push({ field, message: `{{${name}}} cannot be used in the subject, only in the body` });
      }
    }
  };
  checkText('subject', template.subject, TEMPLATE_SUBJECT_MAX);
  if (/[\r\n]/.test(template.subject)) {
    problems.push({ field: 'subject', message: 'subject must be a single line' });
  }
  checkText('body', template.body, TEMPLATE_BODY_MAX);
  return problems;
}

/** One open mandatory item, as listed in an email with its guidance link. */
export interface OpenItem {
  code: string;
  section: string;
  title: string;
  guidanceUrl: string;
}

export interface TemplateValues {
  /** Plain values by placeholder name; a placeholder without one renders empty. */
  values: Partial<Record<TemplatePlaceholder, string>>;
  openItems?: readonly OpenItem[];
  personalMessage?: string | null;
}

export interface EmailFooter {
  /** Why they get it, e.g. "You get this email because North Care Partnership supports Oak House with the DSPT." */
  reason: string;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Escaped text with line breaks kept and web addresses made into links. */
function htmlText(text: string): string {
  const escaped = escapeHtml(text);
  return escaped.replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`).replace(/\r?\n/g, '<br>\n');
}

function itemsAsText(items: readonly OpenItem[]): string {
  if (items.length === 0) {
    return 'Every mandatory item is complete.';
  }
  return items
    .map((item) => `- ${item.code} (${item.section}): ${item.title}\n  Guidance: ${item.guidanceUrl}`)
    .join('\n');
}

function itemsAsHtml(items: readonly OpenItem[]): string {
  if (items.length === 0) {
    return '<p>Every mandatory item is complete.</p>';
  }
  const rows = items.map(
    (item) =>
      `<li><strong>${escapeHtml(item.code)}</strong> (${escapeHtml(item.section)}): ${escapeHtml(item.title)} ` +
      `<a href="${escapeHtml(item.guidanceUrl)}">guidance for ${escapeHtml(item.code)}</a></li>`,
  );
  return `<ul>\n${rows.join('\n')}\n</ul>`;
}

/** A greeting line, "Dear {{contactName}},": it greets the provider's team when the contact's name is a post. */
const GREETING_LINE = /^([ \t]*)(Dear|Hello|Hi)[ \t]+\{\{\s*contactName\s*\}\}[ \t]*,?[ \t]*$/gm;

/** Fills a text's placeholders: block ones inline (the items' codes, the message on one line). */
function fillInline(text: string, input: TemplateValues): string {
  const greeted = text.replace(
    GREETING_LINE,
    (_, indent: string, salutation: string) =>
      indent + emailGreeting(input.values.contactName, input.values.providerName ?? '', salutation),
  );
  return greeted.replace(PLACEHOLDER, (_, name: string, offset: number, whole: string) => {
    if (name === 'openItems') {
      return (input.openItems ?? []).map((item) => item.code).join(', ');
    }
    if (name === 'personalMessage') {
      return (input.personalMessage ?? '').replace(/\s*\n\s*/g, ' ').trim();
    }
    return valueInSentence(whole.slice(0, offset), input.values[name as TemplatePlaceholder] ?? '');
  });
}

const HTML_START =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"></head>\n' +
  '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #212b32">\n';

/**
 * The email's subject, plain text and HTML from a template. Paragraphs are separated by blank lines; a
 * paragraph that is only `{{openItems}}` becomes the list of open items (a bulleted list in HTML), one that
 * is only `{{personalMessage}}` becomes the message (left out when there is none). Values are escaped in
 * HTML; web addresses become links. The footer, when given, always ends the email: templates cannot drop
 * the unsubscribe link.
 */
export function renderEmailTemplate(
  template: EmailTemplateText,
  input: TemplateValues,
  footer?: EmailFooter,
): RenderedEmail {
  const text: string[] = [];
  const html: string[] = [];
  for (const paragraph of template.body.split(/\r?\n[ \t]*\r?\n/)) {
    const alone = /^\s*\{\{\s*(\w+)\s*\}\}\s*$/.exec(paragraph)?.[1];
    if (alone === 'openItems') {
      text.push(itemsAsText(input.openItems ?? []));
      html.push(itemsAsHtml(input.openItems ?? []));
      continue;
    }
    if (alone === 'personalMessage') {
      const message = (input.personalMessage ?? '').trim();
      if (message) {
        text.push(message);
        html.push(...message.split(/\r?\n[ \t]*\r?\n/).map((part) => `<p>${htmlText(part.trim())}</p>`));
      }
      continue;
    }
    const filled = fillInline(paragraph, input).trim();
    if (filled) {
      text.push(filled);
      html.push(`<p>${htmlText(filled)}</p>`);
    }
  }
  if (footer) {
    text.push(`--\n${footer.reason}\nTo stop these emails, open this link: ${footer.unsubscribeUrl}`);
    html.push(
      `<hr>\n<p style="font-size: 14px; color: #4c6272">${escapeHtml(footer.reason)}<br>\n` +
        `<a href="${escapeHtml(footer.unsubscribeUrl)}">Unsubscribe from these emails</a></p>`,
    );
  }
  return {
    subject: fillInline(template.subject, input).replace(/\s+/g, ' ').trim(),
    text: `${text.join('\n\n')}\n`,
    html: `${HTML_START}${html.join('\n')}\n</body></html>\n`,
  };
}
