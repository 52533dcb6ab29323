import { Conflict, NotFound } from '@dspt/domain';
import type { ProviderContact } from '@dspt/contracts';
import { AuditService, ProviderContactEntity, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { type EntityManager, Not } from 'typeorm';
import { contactSnapshot } from './contact-list';
import { conflictOnUniqueViolation } from './provider-errors';
import { ProviderReader } from './provider-reader';
import type { ProviderContactDto, ProviderContactUpdateDto } from './providers.dto';

const alreadyAContact = (email: string | undefined) => ({
  uq_provider_contacts_email: `${email} is already a contact of this provider`,
});

/**
 * A provider's contacts. Changes lock the provider's row, so two requests making different contacts
 * primary take turns: a provider has at most one primary contact.
 */
@Injectable()
export class ProviderContactsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly reader: ProviderReader,
    private readonly audit: AuditService,
  ) {}

  add(providerId: string, input: ProviderContactDto): Promise<ProviderContact> {
    const work = this.database.inCurrentTenant(async (manager) => {
      const provider = await this.reader.findForChange(manager, providerId);
      await this.refuseTakenEmail(manager, providerId, input.email);
      const currentPrimary = await manager.findOneBy(ProviderContactEntity, { providerId, isPrimary: true });
      const isPrimary = input.isPrimary ?? !currentPrimary;
      if (isPrimary && currentPrimary) {
        await this.demote(manager, currentPrimary);
      }
      const contact = await manager.save(
        manager.create(ProviderContactEntity, { tenantId: provider.tenantId, providerId, ...input, isPrimary }),
      );
      await this.record(manager, 'contact.created', contact, undefined, contactSnapshot(contact));
      const [view] = await this.reader.contactViews(manager, [contact]);
      return view;
    });
    return conflictOnUniqueViolation(work, alreadyAContact(input.email));
  }

  update(providerId: string, contactId: string, input: ProviderContactUpdateDto): Promise<ProviderContact> {
    const work = this.database.inCurrentTenant(async (manager) => {
      await this.reader.findForChange(manager, providerId);
      const contact = await this.find(manager, providerId, contactId);
      if (input.email !== undefined && input.email !== contact.email) {
        await this.refuseTakenEmail(manager, providerId, input.email);
      }
      if (input.isPrimary && !contact.isPrimary) {
        const currentPrimary = await manager.findOneBy(ProviderContactEntity, {
          providerId,
          isPrimary: true,
          id: Not(contactId),
        });
        if (currentPrimary) {
          await this.demote(manager, currentPrimary);
        }
      }
      const before = contactSnapshot(contact);
      const next = {
        ...contact,
        ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      };
      const after = contactSnapshot(next);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await manager.update(
          ProviderContactEntity,
          { id: contactId },
          { name: next.name, email: next.email, phone: next.phone ?? null, role: next.role, isPrimary: next.isPrimary },
        );
        await this.record(manager, 'contact.updated', contact, before, after);
      }
      const [view] = await this.reader.contactViews(manager, [
        await manager.findOneByOrFail(ProviderContactEntity, { id: contactId }),
      ]);
      return view;
    });
    return conflictOnUniqueViolation(work, alreadyAContact(input.email));
  }

  async remove(providerId: string, contactId: string): Promise<void> {
    await this.database.inCurrentTenant(async (manager) => {
      await this.reader.findForChange(manager, providerId);
      const contact = await this.find(manager, providerId, contactId);
      await manager.delete(ProviderContactEntity, { id: contactId });
      await this.record(manager, 'contact.deleted', contact, contactSnapshot(contact), undefined);
    });
  }

  private async find(manager: EntityManager, providerId: string, contactId: string): Promise<ProviderContactEntity> {
    const contact = await manager.findOneBy(ProviderContactEntity, { id: contactId, providerId });
    if (!contact) {
      throw new NotFound('Contact not found');
    }
    return contact;
  }

  private async refuseTakenEmail(manager: EntityManager, providerId: string, email: string): Promise<void> {
    if ((await manager.countBy(ProviderContactEntity, { providerId, email })) > 0) {
      throw new Conflict(`${email} is already a contact of this provider`);
    }
  }

  /** One primary at a time: the previous primary becomes an ordinary contact, and the trail says so. */
  private async demote(manager: EntityManager, contact: ProviderContactEntity): Promise<void> {
    await manager.update(ProviderContactEntity, { id: contact.id }, { isPrimary: false });
    await this.record(
      manager,
      'contact.updated',
      contact,
      contactSnapshot(contact),
      contactSnapshot({ ...contact, isPrimary: false }),
    );
  }

  private record(
    manager: EntityManager,
    action: 'contact.created' | 'contact.updated' | 'contact.deleted',
    contact: ProviderContactEntity,
    before: object | undefined,
    after: object | undefined,
  ): Promise<void> {
    return this.audit.record(
      { action, tenantId: contact.tenantId, target: { type: 'provider_contact', id: contact.id }, before, after },
      manager,
    );
  }
}
