import { type EmailTemplateText, renderEmailTemplate } from '@dspt/domain';
import type { MailMessage } from '@dspt/server/messaging';

export interface InvitationEmailInput {
  to: string;
  link: string;
  /** The LSP's name, or null for a programme-lead invitation. */
  tenantName: string | null;
  role: string;
  expiresAt: Date;
}

/** What {{lspName}} says in a programme-lead invitation, which belongs to no LSP. */
export const PROGRAMME_NAME = 'the Better Security, Better Care programme';

const ROLE_NAMES: Record<string, string> = {
  viewer: 'a viewer',
  adviser: 'an adviser',
  admin: 'an administrator',
  programme_lead: 'a programme lead',
};

/**
 * The invitation email from the `invitation` template (the LSP's own wording, or the default): plain text
 * and HTML parts with the same words, from the LSP's name. No unsubscribe footer: it is not a mailing.
 */
export function invitationEmail(template: EmailTemplateText, input: InvitationEmailInput): MailMessage {
  const expiresOn = input.expiresAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const rendered = renderEmailTemplate(template, {
    values: {
      lspName: input.tenantName ?? PROGRAMME_NAME,
      role: ROLE_NAMES[input.role] ?? input.role,
      inviteLink: input.link,
      expiresOn,
    },
  });
  return {
    to: input.to,
    ...(input.tenantName ? { fromName: input.tenantName } : {}),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
  };
}
