import { Conflict, InvalidInput } from '@dspt/domain';
import type { ApiErrorDetail } from '@dspt/contracts';
import { QueryFailedError } from 'typeorm';

/** One 400 naming every problem found; its message is the problem itself when there is only one. */
export function assertNoProblems(details: ApiErrorDetail[]): void {
  if (details.length === 0) {
    return;
  }
  const fields = [...new Set(details.map((detail) => detail.field))];
  throw new InvalidInput(details.length === 1 ? details[0].message : `Invalid ${fields.join(', ')}`, details);
}

/** ODS codes are unique across every LSP; the message must not say which LSP holds the code. */
export function odsCodeTakenMessage(odsCode: string | undefined): string {
  return `ODS code ${odsCode} is already registered`;
}

function uniqueViolation(error: unknown): string | undefined {
  const driverError =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' ? driverError.constraint : undefined;
}

/**
 * Turns a unique-constraint violation named in `messages` into a 409. The database is the judge of
 * uniqueness that row-level security hides from the app (ODS codes are unique across every LSP), and
 * of races between two requests that both checked first.
 */
export async function conflictOnUniqueViolation<T>(work: Promise<T>, messages: Record<string, string>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const message = messages[uniqueViolation(error) ?? ''];
    if (message) {
      throw new Conflict(message);
    }
    throw error;
  }
}
