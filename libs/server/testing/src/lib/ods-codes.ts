import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Four random letters or digits: 1.7 million codes rather than hex's 65,536, so codes made by different
 * test files in one database (imports cannot retry a taken one) practically never meet.
 */
function fourCharacters(): string {
  return Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A site code as the ODS issues them: V + 4 characters. */
export function randomSiteCode(): string {
  return `V${fourCharacters()}`;
}

/** An HQ organisation code: C + 4 characters (never a V site code). */
export function randomHqCode(): string {
  return `C${fourCharacters()}`;
}
