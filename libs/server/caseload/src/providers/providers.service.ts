import { Conflict } from '@dspt/domain';
import type { ProviderDetail } from '@dspt/contracts';
import { AssessmentRecalculator } from '../assessments';
import { findProviderOrFail } from './provider-lookup';
import {
  AuditService,
  ProviderContactEntity,
  ProviderEntity,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contactListProblems, withPrimaryDefault } from './contact-list';
import { ProviderChecks } from './provider-checks';
import { conflictOnUniqueViolation, odsCodeTakenMessage } from './provider-errors';
import {
  fieldChanges,
  mergeFields,
  type ProviderFields,
  type ProviderHistoryEntry,
  staleEditDetails,
} from './provider-fields';
import { assertNotArchived, ProviderReader } from './provider-reader';
import type { CreateProviderDto, UpdateProviderDto } from './providers.dto';

/** Audit actions that change a provider's version; their `after` carries the new version. */
const VERSIONED_ACTIONS = [
  'provider.updated',
  'provider.assigned',
  'provider.archived',
  'provider.unarchived',
  'provider.transferred',
];

const odsCodeTaken = (odsCode: string | undefined) => ({ uq_providers_ods_code: odsCodeTakenMessage(odsCode) });

/**
 * A contact's phone stays out of the provider's audit events: erasing the contact clears its own events and
 * replaces its address and name elsewhere, but could not find a number inside the provider's.
 */
function withoutPhone<T extends { phone?: string | null }>({ phone: _phone, ...contact }: T): Omit<T, 'phone'> {
  return contact;
}

function entityValues(fields: ProviderFields, parentId: string | null): Partial<ProviderEntity> {
  const { parentOdsCode: _parentOdsCode, ...values } = fields;
  return { ...values, parentId };
}

/** Providers of the current LSP: create, read, edit with optimistic locking, archive. Every change is audited. */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly reader: ProviderReader,
    private readonly checks: ProviderChecks,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(input: CreateProviderDto): Promise<ProviderDetail> {
    const tenantId = requireTenantContext().id;
    const { contacts: contactInput = [], ...rest } = input;
    const fields: ProviderFields = {
      ...rest,
      parentOdsCode: rest.parentOdsCode ?? null,
      assignedAdviserId: rest.assignedAdviserId ?? null,
      hasCePlus: rest.hasCePlus ?? false,
    };
    const contacts = withPrimaryDefault(contactInput);
    const work = this.database.inCurrentTenant(async (manager) => {
      const { parentId } = await this.checks.assertValid(manager, fields, undefined, contactListProblems(contactInput));
      const provider = await manager.save(
        manager.create(ProviderEntity, { tenantId, ...entityValues(fields, parentId) }),
      );
      await manager.save(
        contacts.map((contact) =>
          manager.create(ProviderContactEntity, { tenantId, providerId: provider.id, ...contact }),
        ),
      );
      await this.recalculator.recalculateOpenCycles(manager, provider.id, this.clock.today());
      await this.audit.record(
        {
          action: 'provider.created',
          tenantId,
          target: { type: 'provider', id: provider.id },
          after: { ...fields, version: provider.version, contacts: contacts.map(withoutPhone) },
        },
        manager,
      );
      return this.reader.detail(manager, provider.id);
    });
    return conflictOnUniqueViolation(work, odsCodeTaken(fields.odsCode));
  }

  get(id: string): Promise<ProviderDetail> {
    return this.database.inCurrentTenant((manager) => this.reader.detail(manager, id));
  }

  /**
   * Optimistic locking: the edit names the version it started from. If someone saved since, nothing is
   * written and the 409 lists what they changed, so the second adviser decides instead of overwriting.
   */
  update(id: string, input: UpdateProviderDto): Promise<ProviderDetail> {
    const { version, ...requested } = input;
    const work = this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, id, { lock: true });
      const current = await this.reader.fields(manager, provider);
      if (provider.version !== version) {
        throw await this.staleEdit(manager, provider, current, version);
      }
      assertNotArchived(provider);
      const next = mergeFields(current, requested);
      const changes = fieldChanges(current, next);
      if (changes) {
        const { parentId } = await this.checks.assertValid(manager, next, provider);
        await manager.update(ProviderEntity, { id }, entityValues(next, parentId));
        if (changes.after.hasCePlus !== undefined) {
          await this.recalculator.recalculateOpenCycles(manager, id, this.clock.today());
        }
        await this.audit.record(
          {
            action: 'provider.updated',
            tenantId: provider.tenantId,
            target: { type: 'provider', id },
            before: { ...changes.before, version },
            after: { ...changes.after, version: version + 1 },
          },
          manager,
        );
      }
      return this.reader.detail(manager, id);
    });
    return conflictOnUniqueViolation(work, odsCodeTaken(requested.odsCode));
  }

  archive(id: string): Promise<ProviderDetail> {
    return this.setArchived(id, true);
  }

  unarchive(id: string): Promise<ProviderDetail> {
    return this.setArchived(id, false);
  }

  private setArchived(id: string, archive: boolean): Promise<ProviderDetail> {
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, id, { lock: true });
      if (Boolean(provider.archivedAt) === archive) {
        throw new Conflict(`${provider.name} is ${archive ? 'already archived' : 'not archived'}`);
      }
      const archivedAt = archive ? this.clock.now() : null;
      await manager.update(ProviderEntity, { id }, { archivedAt });
      await this.audit.record(
        {
          action: archive ? 'provider.archived' : 'provider.unarchived',
          tenantId: provider.tenantId,
          target: { type: 'provider', id },
          before: { archivedAt: provider.archivedAt?.toISOString() ?? null, version: provider.version },
          after: { archivedAt: archivedAt?.toISOString() ?? null, version: provider.version + 1 },
        },
        manager,
      );
      return this.reader.detail(manager, id);
    });
  }

  private async staleEdit(
    manager: EntityManager,
    provider: ProviderEntity,
    current: ProviderFields,
    version: number,
  ): Promise<Conflict> {
    const history: ProviderHistoryEntry[] = await manager.query(
      `SELECT e.after, u.display_name AS actor FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
       WHERE e.target_type = 'provider' AND e.target_id = $1 AND e.action = ANY($2) ORDER BY e.occurred_at`,
      [provider.id, VERSIONED_ACTIONS],
    );
    const now = { ...current, archivedAt: provider.archivedAt?.toISOString() ?? null };
    return new Conflict(
      `Someone else saved this provider after you opened it (you started from version ${version}; it is now version ${provider.version}). Nothing was saved: review their changes and try again.`,
      staleEditDetails(history, version, now),
    );
  }
}
