import type { ErasureResult } from '@dspt/contracts';
import { type ErasedPerson, erasureIdentifiers, NotFound, invalidField } from '@dspt/domain';
import { findProviderOrFail, ImportProgressStore } from '@dspt/server/caseload';
import { AuditService, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { QUEUES, type SendEmailJobData } from '@dspt/server/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { DataSubjectPseudonym } from './data-subject-pseudonym';
import { redactPersonInLsp } from './lsp-text-redaction';

interface ContactRow extends ErasedPerson {
  id: string;
  provider_id: string;
}

/**
 * Erasure (UK GDPR art. 17), in one transaction of the current LSP: the person's contact rows go, every
 * mention of their address or name in the LSP's notes, tasks, progress comments, email log and audit
 * details becomes "[erased]", and the audit trail records the erasure under a pseudonym. A provider
 * leaving the programme goes with every row it owns. Rules and reasons: docs/privacy.md.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly pseudonym: DataSubjectPseudonym,
    private readonly imports: ImportProgressStore,
    @InjectQueue(QUEUES.email) private readonly emailQueue: Queue<SendEmailJobData>,
  ) {}

  /** The contact and every other contact of this LSP with the same address: one person. */
  async eraseContact(providerId: string, contactId: string): Promise<ErasureResult> {
    const tenant = requireTenantContext();
    const { result, jobIds, identifiers } = await this.database.inCurrentTenant(async (manager) => {
      await findProviderOrFail(manager, providerId, { lock: true });
      const [contact]: ContactRow[] = await manager.query(
        `SELECT id, provider_id, name, email FROM provider_contacts WHERE id = $1 AND provider_id = $2 FOR UPDATE`,
        [contactId, providerId],
      );
      if (!contact) {
        throw new NotFound('Contact not found');
      }
      const people: ContactRow[] = await manager.query(
        `SELECT id, provider_id, name, email FROM provider_contacts WHERE email = $1 ORDER BY id FOR UPDATE`,
        [contact.email],
      );
      const ids = people.map((person) => person.id);
      const auditEventsRedacted = await this.eraseFromAuditTrail(manager, null, ids);
      const identifiers = erasureIdentifiers(people);
      const redactions = await redactPersonInLsp(manager, identifiers, ids, [contact.email]);
      await manager.query(`DELETE FROM provider_contacts WHERE id = ANY ($1::uuid[])`, [ids]);
      const pseudonym = this.pseudonym.of(tenant.id, contact.email);
      const result: ErasureResult = {
        pseudonyms: [pseudonym],
        providersDeleted: 0,
        contactsDeleted: ids.length,
        emailsRedacted: redactions.emailsRedacted,
        notesRedacted: redactions.notesRedacted,
        tasksRedacted: redactions.tasksRedacted,
        progressCommentsRedacted: redactions.progressCommentsRedacted,
        auditEventsRedacted,
      };
      await this.audit.record(
        {
          action: 'contact.erased',
          tenantId: tenant.id,
          target: { type: 'provider_contact', id: contactId },
          after: { person: pseudonym, ...counts(result) },
        },
        manager,
      );
      return { result, jobIds: redactions.jobIds, identifiers };
    });
    await this.forgetInRedis(tenant.id, jobIds, identifiers);
    return result;
  }

  /** The provider (an HQ with its branches) and every row it owns; its contacts' mentions elsewhere are redacted. */
  async eraseProvider(providerId: string, confirmOdsCode: string): Promise<ErasureResult> {
    const tenant = requireTenantContext();
    const { result, jobIds, identifiers } = await this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId, { lock: true });
      if (confirmOdsCode !== provider.odsCode) {
        throw invalidField('confirmOdsCode', `confirmOdsCode must be the provider's ODS code, ${provider.odsCode}`);
      }
      const family: Array<{ id: string; name: string }> = await manager.query(
        `SELECT id, name FROM providers WHERE id = $1 OR parent_id = $1 FOR UPDATE`,
        [providerId],
      );
      const providerIds = family.map((row) => row.id);
      const people: ContactRow[] = await manager.query(
        `SELECT id, provider_id, name, email FROM provider_contacts WHERE provider_id = ANY ($1::uuid[])`,
        [providerIds],
      );
      const [{ keys }] = await manager.query(
        `SELECT coalesce(array_agg(idempotency_key), '{}') AS keys FROM email_messages WHERE provider_id = ANY ($1::uuid[])`,
        [providerIds],
      );
      const auditEventsRedacted = await this.eraseFromAuditTrail(manager, providerId, null);
      // Mentions of its people elsewhere in the LSP (another provider's notes, say); its own rows are deleted
      // below. Someone who is also a contact of a provider that stays is left to that provider's record.
      const [{ kept }] = await manager.query(
        `SELECT coalesce(array_agg(DISTINCT email), '{}') AS kept FROM provider_contacts
         WHERE email = ANY ($1::text[]) AND NOT provider_id = ANY ($2::uuid[])`,
        [people.map((person) => person.email), providerIds],
      );
      const leaving = people.filter((person) => !(kept as string[]).includes(person.email));
      const identifiers = erasureIdentifiers([...leaving, ...family.map((row) => ({ name: row.name, email: '' }))]);
      const redactions = await redactPersonInLsp(
        manager,
        identifiers,
        [],
        leaving.map((person) => person.email),
      );
      // Contacts, assessments with their progress, publications, notes, tasks, triage rows and the email
      // log go with the providers (ON DELETE CASCADE); statistics keep only counts (docs/privacy.md).
      await manager.query(`DELETE FROM providers WHERE id = ANY ($1::uuid[])`, [providerIds]);
      const pseudonyms = [...new Set(people.map((person) => this.pseudonym.of(tenant.id, person.email)))];
      const result: ErasureResult = {
        pseudonyms,
        providersDeleted: providerIds.length,
        contactsDeleted: people.length,
        emailsRedacted: redactions.emailsRedacted,
        notesRedacted: redactions.notesRedacted,
        tasksRedacted: redactions.tasksRedacted,
        progressCommentsRedacted: redactions.progressCommentsRedacted,
        auditEventsRedacted,
      };
      await this.audit.record(
        {
          action: 'provider.erased',
          tenantId: tenant.id,
          target: { type: 'provider', id: providerId },
          after: { odsCode: provider.odsCode, people: pseudonyms, ...counts(result) },
        },
        manager,
      );
      return { result, jobIds: [...keys, ...redactions.jobIds] as string[], identifiers };
    });
    await this.forgetInRedis(tenant.id, jobIds, identifiers);
    return result;
  }

  private async eraseFromAuditTrail(
    manager: EntityManager,
    providerId: string | null,
    contactIds: string[] | null,
  ): Promise<number> {
    const [{ changed }] = await manager.query(`SELECT erase_from_audit_trail($1::uuid, $2::uuid[]) AS changed`, [
      providerId,
      contactIds,
    ]);
    return changed;
  }

  /**
   * Best effort after commit: Redis holds no record, but a failed send job keeps the SMTP server's answer
   * and an import's report its refused rows, either of which can quote the address. A job being sent
   * right now is locked and stays until it finishes.
   */
  private async forgetInRedis(
    tenantId: string,
    jobIds: readonly string[],
    identifiers: readonly string[],
  ): Promise<void> {
    const attempt = (work: Promise<unknown>) =>
      work.catch((error: Error) => this.logger.warn(`Erasure: could not clear a trace in Redis: ${error.message}`));
    for (const jobId of jobIds) {
      await attempt(this.emailQueue.remove(jobId));
    }
    if (identifiers.length > 0) {
      await attempt(this.imports.forgetMentioning(tenantId, identifiers));
    }
  }
}

function counts(result: ErasureResult): Omit<ErasureResult, 'pseudonyms'> {
  const { pseudonyms: _pseudonyms, ...rest } = result;
  return rest;
}
