import type { AssessmentQuestion, QuestionStatus } from '@dspt/domain';
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
  /** Published at Standards Met or above in the cycle. */
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

interface Row {
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
  questions: Array<{
    code: string;
    section: string;
    title: string;
    level: AssessmentQuestion['level'];
    cePlusSkippable: boolean;
    status: QuestionStatus | null;
  }> | null;
}

/**
 * One round trip: provider, contact, LSP, reply-to, cycle, adviser, publication and the provider's
 * progress on the cycle's mandatory items. Null when the provider is not in this LSP.
 * `adviserId` undefined means the provider's assigned adviser.
 */
export async function loadEmailRenderData(
  manager: EntityManager,
  key: Omit<EmailRenderKey, 'adviserId'> & { adviserId?: string | null },
): Promise<EmailRenderData | null> {
  const rows: Row[] = await manager.query(
    `SELECT t.name AS tenant_name, s.reply_to, p.id AS provider_id, p.name AS provider_name, p.ods_code,
            p.archived_at IS NOT NULL AS archived, p.has_ce_plus,
            EXISTS (SELECT 1 FROM publications pub WHERE pub.provider_id = p.id AND pub.cycle_id = $3
                    AND pub.level IN ('standards_met', 'standards_exceeded')) AS published,
            c.id AS contact_id, c.name AS contact_name, c.email AS contact_email, c.is_primary, c.unsubscribed_at,
            cy.code AS cycle_code, to_char(cy.deadline, 'YYYY-MM-DD') AS deadline,
            adviser.display_name AS adviser_name,
            (SELECT json_agg(json_build_object('code', q.code, 'section', q.section, 'title', q.title, 'level', q.level,
                                               'cePlusSkippable', q.ce_plus_skippable, 'status', qp.status) ORDER BY q.position)
             FROM questions q
             LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = q.cycle_id
             LEFT JOIN question_progress qp ON qp.assessment_id = a.id AND qp.question_id = q.id
             WHERE q.cycle_id = $3 AND q.level <> 'none') AS questions
     FROM providers p
     JOIN tenants t ON t.id = p.tenant_id
     JOIN assessment_cycles cy ON cy.id = $3
     LEFT JOIN tenant_email_settings s ON s.tenant_id = p.tenant_id
     LEFT JOIN provider_contacts c ON c.id = $4 AND c.provider_id = p.id
     LEFT JOIN users adviser ON adviser.id = CASE WHEN $6 THEN $5::uuid ELSE p.assigned_adviser_id END
     WHERE p.id = $2 AND p.tenant_id = $1`,
    [key.tenantId, key.providerId, key.cycleId, key.contactId, key.adviserId ?? null, key.adviserId !== undefined],
  );
  const [row] = rows;
  if (!row) {
    return null;
  }
  return {
    tenantId: key.tenantId,
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
    questions: row.questions ?? [],
  };
}
