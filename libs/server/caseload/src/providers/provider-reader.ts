import { Conflict, NotFound } from '@dspt/domain';
import type { ProviderContact, ProviderDetail } from '@dspt/contracts';
import type { AssessmentQuestion } from '@dspt/domain';
import { CyclesService } from '../assessments';
import { findProviderOrFail } from './provider-lookup';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import {
  AssessmentEntity,
  contactUnsubscribedAtSql,
  ProviderContactEntity,
  ProviderEntity,
  QuestionEntity,
  UserEntity,
} from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CycleStanding, standingWithoutAssessment } from './cycle-standing';
import type { ProviderFields } from './provider-fields';

/** `unsubscribedAt`: when the contact's address went on the LSP's unsubscribe list (ProviderReader.contactViews). */
export function toContactView(contact: ProviderContactEntity, unsubscribedAt: Date | null): ProviderContact {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone ?? null,
    role: contact.role,
    isPrimary: contact.isPrimary,
    unsubscribedAt: unsubscribedAt ? new Date(unsubscribedAt).toISOString() : null,
  };
}

/** Archived providers are read-only until unarchived. */
export function assertNotArchived(provider: ProviderEntity): void {
  if (provider.archivedAt) {
    throw new Conflict(`${provider.name} is archived: unarchive it to make changes`);
  }
}

/** A cycle's questions in DSPT order, as the domain rules take them. */
export function cycleQuestions(manager: EntityManager, cycleId: string): Promise<AssessmentQuestion[]> {
  return manager.find(QuestionEntity, { where: { cycleId }, order: { position: 'ASC' } });
}

/** Reads providers of the current LSP (row-level security scopes every query). */
@Injectable()
export class ProviderReader {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly cycles: CyclesService,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  /**
   * Contacts as the API shows them, each with when its address was unsubscribed from the LSP's emails:
   * unsubscribes follow the address, so a contact added again with the same address shows it too.
   */
  async contactViews(manager: EntityManager, contacts: readonly ProviderContactEntity[]): Promise<ProviderContact[]> {
    if (contacts.length === 0) {
      return [];
    }
    const rows: Array<{ id: string; unsubscribed_at: Date | null }> = await manager.query(
      `SELECT c.id, ${contactUnsubscribedAtSql('c', '$2')} AS unsubscribed_at FROM provider_contacts c WHERE c.id = ANY($1::uuid[])`,
      [contacts.map((contact) => contact.id), this.emailHashKey],
    );
    const unsubscribed = new Map(rows.map((row) => [row.id, row.unsubscribed_at]));
    return contacts.map((contact) => toContactView(contact, unsubscribed.get(contact.id) ?? null));
  }

  /** Locked for the rest of the transaction, and refused with 409 when archived; 404 when not in this LSP. */
  async findForChange(manager: EntityManager, id: string): Promise<ProviderEntity> {
    const provider = await findProviderOrFail(manager, id, { lock: true });
    assertNotArchived(provider);
    return provider;
  }

  async fields(manager: EntityManager, provider: ProviderEntity): Promise<ProviderFields> {
    const parent = provider.parentId ? await manager.findOneBy(ProviderEntity, { id: provider.parentId }) : null;
    return {
      odsCode: provider.odsCode,
      name: provider.name,
      kind: provider.kind,
      parentOdsCode: parent?.odsCode ?? null,
      serviceType: provider.serviceType,
      sizeBand: provider.sizeBand,
      localAuthority: provider.localAuthority,
      region: provider.region,
      assignedAdviserId: provider.assignedAdviserId,
      hasCePlus: provider.hasCePlus,
    };
  }

  async detail(manager: EntityManager, id: string): Promise<ProviderDetail> {
    const provider = await findProviderOrFail(manager, id);
    const [parent, branches, adviser, contacts, standing] = [
      provider.parentId ? await manager.findOneBy(ProviderEntity, { id: provider.parentId }) : null,
      await manager.find(ProviderEntity, { where: { parentId: provider.id }, order: { name: 'ASC' } }),
      provider.assignedAdviserId ? await manager.findOneBy(UserEntity, { id: provider.assignedAdviserId }) : null,
      await manager.find(ProviderContactEntity, {
        where: { providerId: provider.id },
        order: { isPrimary: 'DESC', name: 'ASC' },
      }),
      await this.currentStanding(manager, provider),
    ];
    const brief = (row: ProviderEntity) => ({ id: row.id, odsCode: row.odsCode, name: row.name });
    return {
      id: provider.id,
      odsCode: provider.odsCode,
      name: provider.name,
      kind: provider.kind,
      parent: parent ? brief(parent) : null,
      branches: branches.map(brief),
      serviceType: provider.serviceType,
      sizeBand: provider.sizeBand,
      localAuthority: provider.localAuthority,
      region: provider.region,
      assignedAdviser: adviser ? { id: adviser.id, displayName: adviser.displayName, email: adviser.email } : null,
      hasCePlus: provider.hasCePlus,
      lastContactAt: provider.lastContactAt?.toISOString() ?? null,
      archivedAt: provider.archivedAt?.toISOString() ?? null,
      version: provider.version,
      contacts: await this.contactViews(manager, contacts),
      ...standing,
    };
  }

  /** In the current cycle; before any cycle is loaded there is nothing to count yet. */
  private async currentStanding(manager: EntityManager, provider: ProviderEntity): Promise<CycleStanding> {
    const cycle = await this.cycles.resolve(manager).catch((error: unknown) => {
      if (error instanceof NotFound) {
        return null;
      }
      throw error;
    });
    if (!cycle) {
      return { status: 'not_started', progress: { completed: 0, total: 0 } };
    }
    const assessment = await manager.findOneBy(AssessmentEntity, { providerId: provider.id, cycleId: cycle.id });
    if (assessment) {
      return {
        status: assessment.status,
        progress: { completed: assessment.mandatoryCompleted, total: assessment.mandatoryTotal },
      };
    }
    return standingWithoutAssessment(await cycleQuestions(manager, cycle.id), provider.hasCePlus);
  }
}
