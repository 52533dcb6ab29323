/**
 * Erasure (UK GDPR art. 17): the words that replace a person's address and name wherever the LSP's
 * free text mentions them (case notes, tasks, email log, audit details). The same rule runs in SQL for
 * the audit trail (`privacy_redact_text`, migration 1764000000031); a test holds the two to these examples.
 */
export const ERASED_TEXT = '[erased]';

/** Names shorter than this are not searched for: "Al" would blank every "Al" in the LSP's notes. */
export const MIN_NAME_LENGTH = 3;

export interface ErasedPerson {
  name: string;
  email: string;
}

/** What to look for: each address, and each name long enough to be told apart from ordinary words. */
export function erasureIdentifiers(people: readonly ErasedPerson[]): string[] {
  const identifiers = people.flatMap((person) => [person.email.trim(), person.name.trim()]);
  const wanted = identifiers.filter((value) => value.includes('@') || value.length >= MIN_NAME_LENGTH);
  const unique = new Map<string, string>();
  for (const value of wanted) {
    if (!unique.has(value.toLowerCase())) {
      unique.set(value.toLowerCase(), value);
    }
  }
  return [...unique.values()].sort((a, b) => b.length - a.length);
}

// '-' is a literal outside a character class, and escaping it is a syntax error under the 'u' flag.
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function pattern(identifier: string): RegExp {
  // Whole occurrences only: "Ann Lee" is not found inside "Joann Leek".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(identifier)}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The text with every whole, case-insensitive occurrence of an identifier replaced by ERASED_TEXT. */
export function redactIdentifiers(text: string, identifiers: readonly string[]): string {
  return identifiers.reduce((result, identifier) => result.replace(pattern(identifier), ERASED_TEXT), text);
}

export function mentionsAny(text: string, identifiers: readonly string[]): boolean {
  return identifiers.some((identifier) => pattern(identifier).test(text));
}
