import type { TemplatePlaceholder } from '@dspt/domain';

/** What each placeholder puts in an email, for the list beside the editor. */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<TemplatePlaceholder, string>> = {
  contactName: "The contact's name",
  providerName: "The provider's name",
  odsCode: "The provider's ODS code",
  lspName: "Your LSP's name",
  adviserName: 'The adviser: who sends a guidance email, otherwise the assigned adviser',
  cycle: 'The assessment year, such as 2026-27',
  deadline: 'The deadline, such as 30 June 2027',
  daysLeft: 'Days left until the deadline',
  itemsLeft: 'How many mandatory items are still open',
  openItems: 'On a line of its own: the list of open items with their guidance links (in the subject: their codes)',
  personalMessage: "On a line of its own: the adviser's personal message, if they wrote one",
  role: 'The role the person is invited to, such as "an adviser"',
  inviteLink: 'The link to accept the invitation',
  expiresOn: 'When the invitation expires',
};

/** How a placeholder is written in a template: `{{providerName}}`. */
export function placeholderToken(name: string): string {
  return `{{${name}}}`;
}

/**
 * `text` with `token` put in place of its selection (`start` to `end`): the text and where the cursor
 * goes after it.
 */
export function insertAt(text: string, token: string, start: number, end = start): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), cursor: from + token.length };
}
