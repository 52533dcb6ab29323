import { ERASED_TEXT, mentionsAny, redactIdentifiers } from '@dspt/domain';
import type { EntityManager } from 'typeorm';
import { MAY_MENTION } from './mentions-sql';

export interface Redactions {
  emailsRedacted: number;
  notesRedacted: number;
  tasksRedacted: number;
  progressCommentsRedacted: number;
  /** Send jobs to drop from Redis: a failed job keeps the SMTP server's answer, which may name the address. */
  jobIds: string[];
}

/**
 * Every free text of the LSP that may hold the person: emails addressed to them lose the address and
 * name (a queued one is suppressed, never sent), other rows keep their text with the mentions replaced.
 */
export async function redactPersonInLsp(
  manager: EntityManager,
  identifiers: string[],
  contactIds: string[],
  emails: string[],
): Promise<Redactions> {
  if (identifiers.length === 0) {
    return { emailsRedacted: 0, notesRedacted: 0, tasksRedacted: 0, progressCommentsRedacted: 0, jobIds: [] };
  }
  const redact = (text: string | null) => (text === null ? null : redactIdentifiers(text, identifiers));
  const messages: Array<{
    id: string;
    idempotency_key: string;
    to_email: string;
    to_name: string;
    subject: string | null;
    personal_message: string | null;
    last_error: string | null;
    status: string;
    addressed: boolean;
  }> = await manager.query(
    `SELECT id, idempotency_key, to_email, to_name, subject, personal_message, last_error, status,
              (contact_id = ANY ($2::uuid[]) OR lower(to_email) = ANY ($3::text[])) AS addressed
       FROM email_messages
       WHERE contact_id = ANY ($2::uuid[]) OR lower(to_email) = ANY ($3::text[])
          OR ${MAY_MENTION('to_email, to_name, subject, personal_message, last_error')}
       FOR UPDATE`,
    [identifiers, contactIds, emails.map((email) => email.toLowerCase())],
  );
  const jobIds: string[] = [];
  let emailsRedacted = 0;
  for (const message of messages) {
    const texts = [message.to_email, message.to_name, message.subject, message.personal_message, message.last_error];
    if (!message.addressed && !texts.some((text) => text !== null && mentionsAny(text, identifiers))) {
      continue;
    }
    const suppress = message.addressed && message.status === 'queued';
    await manager.query(
      `UPDATE email_messages SET to_email = $2, to_name = $3, subject = $4, personal_message = $5, last_error = $6,
              status = CASE WHEN $7 THEN 'suppressed' ELSE status END,
              suppressed_at = CASE WHEN $7 THEN now() ELSE suppressed_at END
       WHERE id = $1`,
      [
        message.id,
        message.addressed ? ERASED_TEXT : redact(message.to_email),
        message.addressed ? ERASED_TEXT : redact(message.to_name),
        redact(message.subject),
        redact(message.personal_message),
        suppress ? 'Not sent: the recipient was erased' : redact(message.last_error),
        suppress,
      ],
    );
    jobIds.push(message.idempotency_key);
    emailsRedacted += 1;
  }
  const notesRedacted = await redactColumn(manager, 'case_notes', 'body', identifiers);
  const tasksRedacted = await redactColumn(manager, 'tasks', 'title', identifiers);
  // The caseload's copy of each provider's next task (re-ranked on the next read, but not left until then).
  await redactColumn(manager, 'provider_triage', 'next_task_title', identifiers, ['provider_id', 'cycle_id']);
  const progressCommentsRedacted = await redactColumn(manager, 'question_progress', 'comment', identifiers, [
    'assessment_id',
    'question_id',
  ]);
  await redactColumn(manager, 'dspt_reconciliation_resolutions', 'reason', identifiers);
  // A transfer request is both LSPs' record of one conversation (row-level security shows it to either
  // side): the person goes from the shared row.
  await redactColumn(manager, 'provider_transfer_requests', 'note', identifiers);
  await redactColumn(manager, 'provider_transfer_requests', 'decline_reason', identifiers);
  return { emailsRedacted, notesRedacted, tasksRedacted, progressCommentsRedacted, jobIds };
}

async function redactColumn(
  manager: EntityManager,
  table: string,
  column: string,
  identifiers: string[],
  key = ['id'],
): Promise<number> {
  const rows: Array<Record<string, string>> = await manager.query(
    `SELECT ${key.join(', ')}, ${column} AS text FROM ${table} WHERE ${MAY_MENTION(column)} FOR UPDATE`,
    [identifiers],
  );
  let changed = 0;
  for (const row of rows) {
    const redacted = redactIdentifiers(row['text'], identifiers);
    if (redacted !== row['text']) {
      await manager.query(
        `UPDATE ${table} SET ${column} = $1 WHERE ${key.map((name, index) => `${name} = $${index + 2}`).join(' AND ')}`,
        [redacted, ...key.map((name) => row[name])],
      );
      changed += 1;
    }
  }
  return changed;
}
