/** The whitespace a pasted address may carry at either end (ASCII only, as the SQL twin trims). */
const EDGE_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const ASCII_CAPITALS = /[A-Z]/g;

/**
 * One email address as the portal compares it for unsubscribes: without surrounding whitespace, ASCII
 * letters in lower case. Only ASCII is folded, so PostgreSQL gives the same answer in any collation (the
 * SQL twin is `email_address_hash` in migration 1764000000032); mail servers treat addresses as
 * case-insensitive in practice, and the portal stores them lower-cased already.
 */
export function normaliseEmailAddress(email: string): string {
  return email.replace(EDGE_WHITESPACE, '').replace(ASCII_CAPITALS, (letter) => letter.toLowerCase());
}
