import type { EmailMessageView, EmailStatus } from '@dspt/contracts';
import type { EmailTemplateKey } from '@dspt/domain';
import { counted } from '@dspt/web/core';
import type { TagColour } from '@dspt/web/ui';

export const EMAIL_STATUS_LABELS: Readonly<Record<EmailStatus, string>> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Not sent',
};

export const EMAIL_STATUS_COLOURS = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  suppressed: 'grey',
} as const satisfies Readonly<Record<EmailStatus, TagColour>>;

export const EMAIL_TEMPLATE_LABELS: Readonly<Record<EmailTemplateKey, string>> = {
  deadline_reminder: 'Deadline reminder',
  guidance: 'Guidance email',
  invitation: 'Invitation',
};

export const EMAIL_TEMPLATE_DESCRIPTIONS: Readonly<Record<EmailTemplateKey, string>> = {
  deadline_reminder: "Sent to each provider's primary contact at every reminder step before the deadline.",
  guidance: 'Sent by an adviser from a provider page, listing the open mandatory items.',
  invitation: 'Sent to someone invited to use the portal.',
};

/** "90 days before the deadline", "1 day before the deadline". */
export function stepLabel(offsetDays: number): string {
  return `${counted(offsetDays, 'day')} before the deadline`;
}

/** What an email was: "Reminder, 30 days before the deadline" or "Guidance email". */
export function emailKindLabel(message: Pick<EmailMessageView, 'kind' | 'offsetDays'>): string {
  return message.kind === 'guidance' || message.offsetDays === null
    ? 'Guidance email'
    : `Reminder, ${stepLabel(message.offsetDays)}`;
}

/** When the email reached its status: sent, failed or left out; queued ones by when they were queued. */
export function statusTime(message: EmailMessageView): string {
  switch (message.status) {
    case 'sent':
      return message.sentAt ?? message.queuedAt;
    case 'failed':
      return message.failedAt ?? message.lastAttemptAt ?? message.queuedAt;
    case 'suppressed':
      return message.suppressedAt ?? message.queuedAt;
    case 'queued':
      return message.queuedAt;
  }
}
