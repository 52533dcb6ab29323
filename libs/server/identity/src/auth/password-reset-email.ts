import type { MailMessage } from '@dspt/server/messaging';

/** The password-reset email: the link, how long it lasts, and what to do if it was not you. */
export function passwordResetEmail(to: string, link: string, validMinutes: number): MailMessage {
  const lines = [
    'Someone asked to reset the password of your DSPT Support Portal account.',
    `To choose a new password, open this link within ${validMinutes} minutes. It works once: ${link}`,
    'If this was not you, ignore this email: your password has not changed, and signing in still needs your authentication code.',
  ];
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return {
    to,
    subject: 'Reset your DSPT Support Portal password',
    text: lines.join('\n\n'),
    html: [
      `<p>${escape(lines[0])}</p>`,
      `<p><a href="${escape(link)}">Choose a new password</a> (within ${validMinutes} minutes; the link works once)</p>`,
      `<p>${escape(lines[2])}</p>`,
    ].join('\n'),
  };
}
