/**
 * Whom an email greets. A contact's name is often not a person's but a post ("Registered Manager, Maple
 * Gardens 478", "DSPT admin"), because care providers give a shared inbox; "Dear Registered Manager,
 * Maple Gardens 478," reads badly, so such a contact is greeted as the provider's team.
 */

/** Words that start a post rather than a person's name. */
const POST_WORDS =
  /^(the\s|registered\s|deputy\s|care\s|home\s|office\b|practice\b|service\b|manager\b|owner\b|director\b|dspt\b|admin|data\s|it\s|reception|enquiries|info\b)/i;

/** True when `contactName` reads as a person's name (Alex Smith, Dr Priya Shah), not a post or an inbox. */
export function isPersonalName(contactName: string, providerName: string): boolean {
  const name = contactName.trim();
  if (!name || /[@,/()\d]/.test(name) || POST_WORDS.test(name)) {
    return false;
  }
  const provider = providerName.trim().toLowerCase();
  return !provider || !name.toLowerCase().includes(provider);
}

/**
 * The greeting line: "Dear Alex Smith," for a person; "Dear Maple Gardens 478 team," for a post or a
 * blank name; "Hello," when not even the provider's name is known. `salutation` is the template's own
 * word ("Dear", "Hello").
 */
export function emailGreeting(
  contactName: string | null | undefined,
  providerName: string,
  salutation = 'Dear',
): string {
  const name = (contactName ?? '').trim().replace(/\s+/g, ' ');
  if (isPersonalName(name, providerName)) {
    return `${salutation} ${name},`;
  }
  const provider = providerName.trim().replace(/\s+/g, ' ');
  return provider ? `${salutation} ${provider} team,` : 'Hello,';
}

/**
 * A placeholder's value as it sits in its sentence: a value written to start a sentence ("The DSPT support
 * team") loses its capital "The" when it falls mid-sentence ("reply and the DSPT support team will...").
 */
export function valueInSentence(textBefore: string, value: string): string {
  const startsSentence = textBefore.trim() === '' || /[.!?:]\s*$|\n\s*$/.test(textBefore);
  return !startsSentence && /^The\s/.test(value) ? `t${value.slice(1)}` : value;
}
