import type { AssessmentQuestion, QuestionStatus } from '@dspt/domain';
import { contactUnsubscribedAtSql, publishedMetOrAboveSql } from '@dspt/server/data';
import type { EntityManager } from 'typeorm';

/** Everything an email about one provider needs, read in one query inside the LSP's transaction. */
export interface EmailRenderData {
  tenantId: string;
  tenantName: string;
  replyTo: string | null;
  providerId: string;
  providerName: string;
  odsCode: string;
  archived: boolean;
  hasCePlus: boolean;
  /** Published at Standards Met or above in the cycle, as the portal records it or the DSPT status list shows it. */
  publishedMetOrAbove: boolean;
  contact: { id: string; name: string; email: string; isPrimary: boolean; unsubscribedAt: Date | null } | null;
  cycleCode: string;
  deadline: string;
  adviserName: string | null;
  /** The cycle's mandatory questions with this provider's status, in DSPT order. */
  questions: Array<AssessmentQuestion & { status: QuestionStatus | null }>;
}

export interface EmailRenderKey {
  tenantId: string;
  providerId: string;
  contactId: string | null;
  cycleId: string;
  /** The adviser named in the email: the sender of a guidance email, the assigned adviser otherwise. */
  adviserId: string | null;
}

/** The columns renderDataSql selects, as the driver answers them. */
export interface RenderDataRow {
  tenant_id: string;
  tenant_name: string;
  reply_to: string | null;
  provider_id: string;
  provider_name: string;
  ods_code: string;
  archived: boolean;
  has_ce_plus: boolean;
  published: boolean;
  contact_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  is_primary: boolean | null;
  unsubscribed_at: Date | null;
  cycle_code: string;
  deadline: string;
  adviser_name: string | null;
  /** Codes of the cycle's questions this provider has completed. */
  completed_codes: string[];
}

/** SQL expressions naming the provider, cycle, contact and adviser of the email(s) to render. */
export interface RenderDataSources {
  tenantId: string;
  providerId: string;
  cycleId: string;
  contactId: string;
  adviserId: string;
  /** The parameter holding the email hash key (SQL form): unsubscribes follow the address. */
  emailHashKey: string;
}

/**
 * One SELECT for everything an email about a provider needs besides the cycle's questions: provider,
 * contact, LSP, reply-to, cycle, adviser, publication and the codes the provider has completed. The sources are SQL
 * expressions, so the same query serves one email (parameters) and a batch (columns of a LATERAL join).
 */
export function renderDataSql(from: RenderDataSources): string {
  return `SELECT p.tenant_id, t.name AS tenant_name, s.reply_to, p.id AS provider_id, p.name AS provider_name, p.ods_code,
            p.archived_at IS NOT NULL AS archived, p.has_ce_plus,
            ${publishedMetOrAboveSql('p', 'cy.id')} AS published,
            c.id AS contact_id, c.name AS contact_name, c.email AS contact_email, c.is_primary,
            ${contactUnsubscribedAtSql('c', from.emailHashKey)} AS unsubscribed_at,
            cy.code AS cycle_code, to_char(cy.deadline, 'YYYY-MM-DD') AS deadline,
            adviser.display_name AS adviser_name,
            array(SELECT q.code FROM assessments a
                  JOIN question_progress qp ON qp.assessment_id = a.id AND qp.status = 'completed'
                  JOIN questions q ON q.id = qp.question_id
                  WHERE a.provider_id = p.id AND a.cycle_id = cy.id) AS completed_codes
     FROM providers p
     JOIN tenants t ON t.id = p.tenant_id
     JOIN assessment_cycles cy ON cy.id = ${from.cycleId}
     LEFT JOIN tenant_email_settings s ON s.tenant_id = p.tenant_id
     LEFT JOIN provider_contacts c ON c.id = ${from.contactId} AND c.provider_id = p.id
     LEFT JOIN users adviser ON adviser.id = ${from.adviserId}
     WHERE p.id = ${from.providerId} AND p.tenant_id = ${from.tenantId}`;
}

/** The cycle's mandatory questions in DSPT order (global data: the same for every provider). */
export type CycleQuestions = readonly AssessmentQuestion[];

export async function loadCycleQuestions(manager: EntityManager, cycleId: string): Promise<CycleQuestions> {
  return manager.query(
    `SELECT code, section, title, level, ce_plus_skippable AS "cePlusSkippable" FROM questions
     WHERE cycle_id = $1 AND level <> 'none' ORDER BY position`,
    [cycleId],
  );
}

export function toRenderData(row: RenderDataRow, questions: CycleQuestions): EmailRenderData {
  const completed = new Set(row.completed_codes);
  return {
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    replyTo: row.reply_to,
    providerId: row.provider_id,
    providerName: row.provider_name,
    odsCode: row.ods_code,
    archived: row.archived,
    hasCePlus: row.has_ce_plus,
    publishedMetOrAbove: row.published,
    contact: row.contact_id
      ? {
          id: row.contact_id,
          name: row.contact_name ?? '',
          email: row.contact_email ?? '',
          isPrimary: row.is_primary ?? false,
          unsubscribedAt: row.unsubscribed_at,
        }
      : null,
    cycleCode: row.cycle_code,
    deadline: row.deadline,
    adviserName: row.adviser_name,
    questions: questions.map((question) => ({
      ...question,
      status: completed.has(question.code) ? 'completed' : null,
    })),
  };
}

/**
 * The render data of one provider's email. Null when the provider is not in this LSP. `adviserId`
 * undefined means the provider's assigned adviser.
 */
export async function loadEmailRenderData(
  manager: EntityManager,
  key: Omit<EmailRenderKey, 'adviserId'> & { adviserId?: string | null },
  emailHashKey: Buffer,
): Promise<EmailRenderData | null> {
  const rows: RenderDataRow[] = await manager.query(
    renderDataSql({
      tenantId: '$1',
      providerId: '$2',
      cycleId: '$3',
      contactId: '$4',
      adviserId: 'CASE WHEN $6 THEN $5::uuid ELSE p.assigned_adviser_id END',
      emailHashKey: '$7',
    }),
    [
      key.tenantId,
      key.providerId,
      key.cycleId,
      key.contactId,
      key.adviserId ?? null,
      key.adviserId !== undefined,
      emailHashKey,
    ],
  );
  return rows[0] ? toRenderData(rows[0], await loadCycleQuestions(manager, key.cycleId)) : null;
}
