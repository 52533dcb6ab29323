import { cycleForDate, type PublicationLevel, publicationRefusal } from '@dspt/domain';
import { AssessmentRecalculator, publicationNeighbours } from '@dspt/server/caseload';
import { AuditService, type AssessmentCycleEntity, findCurrentCycle, PublicationEntity } from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ListedProvider, listedProviders, openItems } from './reconciliation-items';

/**
 * Records, inside one LSP's transaction, what the DSPT status list shows as published for the current cycle
 * where the portal has nothing for it, under the portal's rules: Approaching Standards only once (a second
 * one stays on the reconciliation list), and a branch the list shows at its HQ's level and date is covered by
 * the HQ's publication. Where the portal already holds something, nothing is overwritten: a disagreement is
 * left for an adviser to reconcile.
 */
@Injectable()
export class DsptListPublisher {
  constructor(
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async currentCycle(manager: EntityManager): Promise<AssessmentCycleEntity | null> {
    return findCurrentCycle(manager, this.clock.today());
  }

  async apply(
    manager: EntityManager,
    tenantId: string,
    providerIds: readonly string[],
    actorUserId: string | null,
  ): Promise<{ recorded: number; discrepancies: number }> {
    const cycle = await this.currentCycle(manager);
    if (!cycle) {
      return { recorded: 0, discrepancies: 0 };
    }
    const providers = await listedProviders(manager, cycle, providerIds);
    // HQs first, so their branches can be covered by the publication just recorded.
    const ordered = [...providers].sort((a, b) => Number(b.kind === 'hq') - Number(a.kind === 'hq'));
    const recordedHere = new Map<string, PublicationEntity>();
    let recorded = 0;
    for (const provider of ordered) {
      if (provider.portal !== null || provider.official === null) {
        continue;
      }
      const publishedOn = this.publishedOn(provider, cycle.code);
      if (await this.refused(manager, provider.providerId, provider.official, publishedOn)) {
        continue;
      }
      const hq = provider.parentId ? recordedHere.get(provider.parentId) : undefined;
      const coveredById = hq && hq.level === provider.official && hq.publishedOn === publishedOn ? hq.id : null;
      const publication = await this.insert(
        manager,
        tenantId,
        provider.providerId,
        cycle.id,
        provider.official,
        publishedOn,
        {
          coveredById,
          recordedBy: null,
        },
      );
      recordedHere.set(provider.providerId, publication);
      await this.recalculator.recalculate(manager, provider.providerId, cycle.id);
      await this.audit.record(
        {
          action: 'dspt_list.publication_recorded',
          tenantId,
          actorUserId,
          target: { type: 'provider', id: provider.providerId },
          after: {
            publicationId: publication.id,
            cycle: cycle.code,
            level: provider.official,
            publishedOn,
            coveredById,
          },
        },
        manager,
      );
      recorded++;
    }
    const after = await listedProviders(manager, cycle, providerIds);
    return { recorded, discrepancies: openItems(after).length };
  }

  /** The list's publication date when it falls in the cycle, else the list's own date, else today. */
  publishedOn(provider: Pick<ListedProvider, 'listPublishedOn' | 'listedOn'>, cycleCode: string): string {
    for (const day of [provider.listPublishedOn, provider.listedOn]) {
      if (day && cycleForDate(day).code === cycleCode && day <= this.clock.today()) {
        return day;
      }
    }
    return this.clock.today();
  }

  /** The portal's rule the DSPT itself applies: Approaching Standards only once. */
  private async refused(
    manager: EntityManager,
    providerId: string,
    level: PublicationLevel,
    publishedOn: string,
  ): Promise<boolean> {
    // Items and CE+ are the DSPT's to judge: it has accepted the publication.
    const check = {
      level,
      ...(await publicationNeighbours(manager, providerId, publishedOn)),
      approachingStandardsBlockers: 0,
      standardsMetBlockers: 0,
      hasCePlus: true,
    };
    return publicationRefusal(check) !== null;
  }

  insert(
    manager: EntityManager,
    tenantId: string,
    providerId: string,
    cycleId: string,
    level: PublicationLevel,
    publishedOn: string,
    by: { coveredById: string | null; recordedBy: string | null },
  ): Promise<PublicationEntity> {
    return manager.save(
      manager.create(PublicationEntity, {
        tenantId,
        providerId,
        cycleId,
        level,
        publishedOn,
        source: 'dspt_list',
        ...by,
      }),
    );
  }
}
