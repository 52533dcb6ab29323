import type { EmailMessageList, EmailMessageView, EmailStatus, EmailStatusCounts } from '@dspt/contracts';
import type { EmailMessageKind } from '@dspt/server/data';
import type { EntityManager } from 'typeorm';

export interface EmailLogFilter {
  providerId?: string;
  cycleId?: string;
  offsetDays?: number;
  kind?: EmailMessageKind;
  status?: EmailStatus;
  messageId?: string;
}

interface Row {
  id: string;
  kind: EmailMessageKind;
  cycle: string;
  offset_days: number | null;
  provider_id: string;
  provider_name: string;
  contact_id: string | null;
  to_name: string;
  to_email: string;
  subject: string | null;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  requested_by: string | null;
  requested_by_name: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
  suppressed_at: Date | null;
}

/** The status people see: a row a worker is sending is still queued. */
const SHOWN_STATUS = `CASE WHEN m.status = 'sending' THEN 'queued' ELSE m.status END`;

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toView(row: Row): EmailMessageView {
  return {
    id: row.id,
    kind: row.kind,
    cycle: row.cycle,
    offsetDays: row.offset_days,
    providerId: row.provider_id,
    providerName: row.provider_name,
    contactId: row.contact_id,
    toName: row.to_name,
    toEmail: row.to_email,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    requestedBy: row.requested_by ? { id: row.requested_by, displayName: row.requested_by_name ?? '' } : null,
    queuedAt: new Date(row.created_at).toISOString(),
    lastAttemptAt: iso(row.last_attempt_at),
    sentAt: iso(row.sent_at),
    failedAt: iso(row.failed_at),
    suppressedAt: iso(row.suppressed_at),
  };
}

function where(tenantId: string, filter: EmailLogFilter): { sql: string; values: unknown[] } {
  const clauses = ['m.tenant_id = $1'];
  const values: unknown[] = [tenantId];
  const add = (column: string, value: unknown) => {
    if (value !== undefined) {
      values.push(value);
      clauses.push(`${column} = $${values.length}`);
    }
  };
  add('m.provider_id', filter.providerId);
  add('m.cycle_id', filter.cycleId);
  add('m.offset_days', filter.offsetDays);
  add('m.kind', filter.kind);
  if (filter.status !== undefined) {
    // `sending` (claimed by a worker) is still queued as far as people are concerned.
    values.push(filter.status === 'queued' ? ['queued', 'sending'] : [filter.status]);
    clauses.push(`m.status = ANY($${values.length}::text[])`);
  }
  add('m.id', filter.messageId);
  return { sql: clauses.join(' AND '), values };
}

/** The delivery log, newest first, with counts per status over the whole filter. */
export async function readEmailLog(
  manager: EntityManager,
  tenantId: string,
  filter: EmailLogFilter,
  page = 1,
  pageSize = 100,
): Promise<EmailMessageList> {
  const { sql, values } = where(tenantId, filter);
  const rows: Row[] = await manager.query(
    `SELECT m.id, m.kind, cy.code AS cycle, m.offset_days, m.provider_id, p.name AS provider_name, m.contact_id, m.to_name, m.to_email,
            m.subject, ${SHOWN_STATUS} AS status, m.attempts, m.last_error, m.requested_by, u.display_name AS requested_by_name,
            m.created_at, m.last_attempt_at, m.sent_at, m.failed_at, m.suppressed_at
     FROM email_messages m
     JOIN providers p ON p.id = m.provider_id
     JOIN assessment_cycles cy ON cy.id = m.cycle_id
     LEFT JOIN users u ON u.id = m.requested_by
     WHERE ${sql}
     ORDER BY m.created_at DESC, m.id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    values,
  );
  const counted: Array<{ status: EmailStatus; n: number }> = await manager.query(
    `SELECT ${SHOWN_STATUS} AS status, count(*)::int AS n FROM email_messages m WHERE ${sql} GROUP BY 1`,
    values,
  );
  const counts: EmailStatusCounts = { queued: 0, sent: 0, failed: 0, suppressed: 0 };
  for (const { status, n } of counted) {
    counts[status] = n;
  }
  return { items: rows.map(toView), total: Object.values(counts).reduce((sum, n) => sum + n, 0), counts };
}

/** Counts per status of every step of a cycle, for the campaign view. */
export async function stepCounts(
  manager: EntityManager,
  tenantId: string,
  cycleId: string,
): Promise<Map<number, EmailStatusCounts>> {
  const rows: Array<{ offset_days: number; status: EmailStatus; n: number }> = await manager.query(
    `SELECT m.offset_days, ${SHOWN_STATUS} AS status, count(*)::int AS n FROM email_messages m
     WHERE m.tenant_id = $1 AND m.cycle_id = $2 AND m.kind = 'deadline_reminder' GROUP BY 1, 2`,
    [tenantId, cycleId],
  );
  const counts = new Map<number, EmailStatusCounts>();
  for (const row of rows) {
    const step = counts.get(row.offset_days) ?? { queued: 0, sent: 0, failed: 0, suppressed: 0 };
    step[row.status] = row.n;
    counts.set(row.offset_days, step);
  }
  return counts;
}
