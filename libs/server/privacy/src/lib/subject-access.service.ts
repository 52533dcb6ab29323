import type { SubjectAccessExport, SubjectAccessProvider } from '@dspt/contracts';
import { erasureIdentifiers, mentionsAny } from '@dspt/domain';
import { AuditService, contactUnsubscribedAtSql, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSubjectPseudonym } from './data-subject-pseudonym';
import { MAY_MENTION } from './mentions-sql';

type ProviderColumns = { provider_name: string; ods_code: string; provider_kind: SubjectAccessProvider['kind'] };

const PROVIDER_COLUMNS = `p.name AS provider_name, p.ods_code, p.kind AS provider_kind`;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const provider = (row: ProviderColumns): SubjectAccessProvider => ({
  name: row.provider_name,
  odsCode: row.ods_code,
  kind: row.provider_kind,
});
/**
 * Subject access (UK GDPR art. 15): everything the current LSP holds about one address, read in one
 * transaction of that LSP (row-level security keeps every other LSP out), and the request audited with
 * the address as its pseudonym, never in clear.
 */
@Injectable()
export class SubjectAccessService {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly pseudonyms: DataSubjectPseudonym,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  async export(address: string): Promise<SubjectAccessExport> {
    const tenant = requireTenantContext();
    const email = address.trim().toLowerCase();
    const pseudonym = this.pseudonyms.of(tenant.id, email);
    return this.database.inCurrentTenant(async (manager) => {
      const [lsp] = await manager.query(`SELECT slug, name FROM tenants WHERE id = $1`, [tenant.id]);
      const contacts = await this.contacts(manager, email);
      const contactIds = contacts.map((contact) => contact.id);
      const identifiers = erasureIdentifiers([
        { name: '', email },
        ...contacts.map((contact) => ({ name: contact.name, email })),
      ]);
      const result: SubjectAccessExport = {
        email,
        lsp: { slug: lsp.slug, name: lsp.name },
        generatedAt: new Date().toISOString(),
        pseudonym,
        contacts: contacts.map((row) => ({
          provider: provider(row),
          name: row.name,
          phone: row.phone,
          role: row.role,
          isPrimary: row.is_primary,
          unsubscribedAt: iso(row.unsubscribed_at),
          createdAt: iso(row.created_at) as string,
          updatedAt: iso(row.updated_at) as string,
        })),
        emails: await this.emails(manager, email, contactIds),
        emailsMentioning: await this.emailsMentioning(manager, identifiers, email, contactIds),
        notes: await this.notes(manager, identifiers),
        tasks: await this.tasks(manager, identifiers),
        progressComments: await this.progressComments(manager, identifiers),
        reconciliationReasons: await this.reconciliationReasons(manager, identifiers),
        transferRequests: await this.transferRequests(manager, identifiers),
        auditEvents: await this.auditEvents(manager, identifiers, contactIds, pseudonym),
      };
      await this.audit.record(
        {
          action: 'subject_access.exported',
          tenantId: tenant.id,
          target: { type: 'data_subject', id: pseudonym },
          after: {
            person: pseudonym,
            contacts: result.contacts.length,
            emails: result.emails.length,
            notes: result.notes.length,
            tasks: result.tasks.length,
            emailsMentioning: result.emailsMentioning.length,
            progressComments: result.progressComments.length,
            reconciliationReasons: result.reconciliationReasons.length,
            transferRequests: result.transferRequests.length,
            auditEvents: result.auditEvents.length,
          },
        },
        manager,
      );
      return result;
    });
  }

  private contacts(manager: EntityManager, email: string) {
    return manager.query(
      `SELECT c.id, c.name, c.phone, c.role, c.is_primary, ${contactUnsubscribedAtSql('c', '$2')} AS unsubscribed_at, c.created_at, c.updated_at, ${PROVIDER_COLUMNS}
       FROM provider_contacts c JOIN providers p ON p.id = c.provider_id
       WHERE c.email = $1 ORDER BY p.name, c.created_at`,
      [email, this.emailHashKey],
    ) as Promise<
      Array<
        ProviderColumns & {
          id: string;
          name: string;
          phone: string | null;
          role: SubjectAccessExport['contacts'][number]['role'];
          is_primary: boolean;
          unsubscribed_at: Date | null;
          created_at: Date;
          updated_at: Date;
        }
      >
    >;
  }

  private async emails(
    manager: EntityManager,
    email: string,
    contactIds: string[],
  ): Promise<SubjectAccessExport['emails']> {
    const rows = await manager.query(
      `SELECT m.kind, m.status, m.to_name, m.subject, m.personal_message, m.last_error, m.created_at, m.sent_at, m.failed_at,
              m.suppressed_at, ${PROVIDER_COLUMNS}
       FROM email_messages m JOIN providers p ON p.id = m.provider_id
       WHERE lower(m.to_email) = $1 OR m.contact_id = ANY ($2::uuid[])
       ORDER BY m.created_at`,
      [email, contactIds],
    );
    return rows.map((row: ProviderColumns & Record<string, never>) => ({
      provider: provider(row),
      kind: row['kind'],
      status: row['status'],
      toName: row['to_name'],
      subject: row['subject'],
      personalMessage: row['personal_message'],
      lastError: row['last_error'],
      createdAt: iso(row['created_at']) as string,
      sentAt: iso(row['sent_at']),
      failedAt: iso(row['failed_at']),
      suppressedAt: iso(row['suppressed_at']),
    }));
  }

  /** Emails to someone else that mention them: what was said, not to whom. */
  private async emailsMentioning(
    manager: EntityManager,
    identifiers: string[],
    email: string,
    contactIds: string[],
  ): Promise<SubjectAccessExport['emailsMentioning']> {
    const rows: Array<
      ProviderColumns & {
        kind: string;
        status: string;
        subject: string | null;
        personal_message: string | null;
        created_at: Date;
        sent_at: Date | null;
      }
    > = await manager.query(
      `SELECT m.kind, m.status, m.subject, m.personal_message, m.created_at, m.sent_at, ${PROVIDER_COLUMNS}
       FROM email_messages m JOIN providers p ON p.id = m.provider_id
       WHERE lower(m.to_email) <> $2 AND (m.contact_id IS NULL OR NOT m.contact_id = ANY ($3::uuid[]))
         AND ${MAY_MENTION('m.subject, m.personal_message')}
       ORDER BY m.created_at`,
      [identifiers, email, contactIds],
    );
    return rows
      .filter((row) => mentionsAny(`${row.subject ?? ''}\n${row.personal_message ?? ''}`, identifiers))
      .map((row) => ({
        provider: provider(row),
        kind: row.kind,
        status: row.status,
        subject: row.subject,
        personalMessage: row.personal_message,
        createdAt: iso(row.created_at) as string,
        sentAt: iso(row.sent_at),
      }));
  }

  private async progressComments(
    manager: EntityManager,
    identifiers: string[],
  ): Promise<SubjectAccessExport['progressComments']> {
    const rows: Array<ProviderColumns & { cycle: string; question_code: string; comment: string; updated_at: Date }> =
      await manager.query(
        `SELECT c.code AS cycle, q.code AS question_code, qp.comment, qp.updated_at, ${PROVIDER_COLUMNS}
         FROM question_progress qp
         JOIN questions q ON q.id = qp.question_id
         JOIN assessments a ON a.id = qp.assessment_id
         JOIN assessment_cycles c ON c.id = a.cycle_id
         JOIN providers p ON p.id = a.provider_id
         WHERE ${MAY_MENTION('qp.comment')} ORDER BY c.code, p.name, q.position`,
        [identifiers],
      );
    return rows
      .filter((row) => mentionsAny(row.comment, identifiers))
      .map((row) => ({
        provider: provider(row),
        cycle: row.cycle,
        questionCode: row.question_code,
        comment: row.comment,
        updatedAt: iso(row.updated_at) as string,
      }));
  }

  private async reconciliationReasons(
    manager: EntityManager,
    identifiers: string[],
  ): Promise<SubjectAccessExport['reconciliationReasons']> {
    const rows: Array<ProviderColumns & { reason: string; resolved_at: Date }> = await manager.query(
      `SELECT r.reason, r.resolved_at, ${PROVIDER_COLUMNS}
       FROM dspt_reconciliation_resolutions r JOIN providers p ON p.id = r.provider_id
       WHERE ${MAY_MENTION('r.reason')} ORDER BY r.resolved_at`,
      [identifiers],
    );
    return rows
      .filter((row) => mentionsAny(row.reason, identifiers))
      .map((row) => ({ provider: provider(row), reason: row.reason, resolvedAt: iso(row.resolved_at) as string }));
  }

  /** Requests this LSP made or was asked (row-level security shows both sides), by the provider they copied. */
  private async transferRequests(
    manager: EntityManager,
    identifiers: string[],
  ): Promise<SubjectAccessExport['transferRequests']> {
    const rows: Array<{
      provider_name: string;
      ods_code: string;
      status: string;
      note: string;
      decline_reason: string | null;
      requested_at: Date;
      answered_at: Date | null;
    }> = await manager.query(
      `SELECT provider_name, ods_code, status, note, decline_reason, requested_at, answered_at
       FROM provider_transfer_requests
       WHERE ${MAY_MENTION('note, decline_reason')} ORDER BY requested_at`,
      [identifiers],
    );
    return rows
      .filter((row) => mentionsAny(`${row.note}\n${row.decline_reason ?? ''}`, identifiers))
      .map((row) => ({
        provider: { name: row.provider_name, odsCode: row.ods_code },
        status: row.status,
        note: row.note,
        declineReason: row.decline_reason,
        requestedAt: iso(row.requested_at) as string,
        answeredAt: iso(row.answered_at),
      }));
  }

  private async notes(manager: EntityManager, identifiers: string[]): Promise<SubjectAccessExport['notes']> {
    const rows: Array<ProviderColumns & { kind: string; body: string; occurred_at: Date; created_at: Date }> =
      await manager.query(
        `SELECT n.kind, n.body, n.occurred_at, n.created_at, ${PROVIDER_COLUMNS}
       FROM case_notes n JOIN providers p ON p.id = n.provider_id
       WHERE ${MAY_MENTION('n.body')} ORDER BY n.occurred_at`,
        [identifiers],
      );
    return rows
      .filter((row) => mentionsAny(row.body, identifiers))
      .map((row) => ({
        provider: provider(row),
        kind: row.kind,
        body: row.body,
        occurredAt: iso(row.occurred_at) as string,
        createdAt: iso(row.created_at) as string,
      }));
  }

  private async tasks(manager: EntityManager, identifiers: string[]): Promise<SubjectAccessExport['tasks']> {
    const rows: Array<ProviderColumns & { title: string; due_on: string; done_at: Date | null }> = await manager.query(
      `SELECT t.title, to_char(t.due_on, 'YYYY-MM-DD') AS due_on, t.done_at, ${PROVIDER_COLUMNS}
       FROM tasks t JOIN providers p ON p.id = t.provider_id
       WHERE ${MAY_MENTION('t.title')} ORDER BY t.due_on`,
      [identifiers],
    );
    return rows
      .filter((row) => mentionsAny(row.title, identifiers))
      .map((row) => ({ provider: provider(row), title: row.title, dueOn: row.due_on, doneAt: iso(row.done_at) }));
  }

  /** Events about the person's contact rows, events whose details mention them, and earlier requests under their pseudonym. */
  private async auditEvents(
    manager: EntityManager,
    identifiers: string[],
    contactIds: string[],
    pseudonym: string,
  ): Promise<SubjectAccessExport['auditEvents']> {
    const rows: Array<{
      occurred_at: Date;
      action: string;
      target_type: string | null;
      target_id: string | null;
      before: unknown;
      after: unknown;
      about: boolean;
    }> = await manager.query(
      `SELECT occurred_at, action, target_type, target_id, before, after,
                (target_id = ANY ($2::text[]) OR target_id = $3 OR after->>'person' = $3 OR after->'people' ? $3) AS about
         FROM audit_events
         WHERE target_id = ANY ($2::text[]) OR target_id = $3 OR after->>'person' = $3 OR after->'people' ? $3
            OR ${MAY_MENTION(`before::text, after::text`)}
         ORDER BY occurred_at`,
      [identifiers, contactIds, pseudonym],
    );
    return rows
      .filter((row) => row.about || mentionsAny(JSON.stringify([row.before, row.after]), identifiers))
      .map((row) => ({
        occurredAt: iso(row.occurred_at) as string,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        before: row.before,
        after: row.after,
      }));
  }
}
