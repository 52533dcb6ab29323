import type { MailMessage } from '@dspt/server/mail';

export interface InvitationEmailInput {
  to: string;
  link: string;
  /** The LSP's name, or null for a programme-lead invitation. */
  tenantName: string | null;
  role: string;
  expiresAt: Date;
}

const ROLE_NAMES: Record<string, string> = {
  viewer: 'viewer',
  adviser: 'adviser',
  admin: 'administrator',
  programme_lead: 'programme lead',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The invitation email: plain text and HTML parts with the same words. */
export function invitationEmail(input: InvitationEmailInput): MailMessage {
  const where = input.tenantName ? `${input.tenantName} on the DSPT Support Portal` : 'the DSPT Support Portal';
  const expires = input.expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const role = ROLE_NAMES[input.role] ?? input.role;
  const lines = [
    `You have been invited to join ${where} as ${role === 'administrator' ? 'an' : 'a'} ${role}.`,
    `Open this link to set your password and set up two-step sign-in: ${input.link}`,
    `The link works once and expires on ${expires}. If you were not expecting this email, you can ignore it.`,
  ];
  return {
    to: input.to,
    subject: `Your invitation to ${where}`,
    text: lines.join('\n\n'),
    html: [
      `<p>${escapeHtml(lines[0])}</p>`,
      `<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>`,
      `<p>${escapeHtml(lines[2])}</p>`,
    ].join('\n'),
  };
}
