import { Conflict, invalidField } from '@dspt/domain';
import type { ReconciliationList, ReconciliationResolution } from '@dspt/contracts';
import { AssessmentRecalculator, findProviderOrFail } from '@dspt/server/caseload';
import { AuditService, requireSignedInUser, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { DsptListPublisher } from './dspt-list-publisher';
import { listedProviders, openItems } from './reconciliation-items';

/**
 * An LSP's disagreements with the DSPT status list for the current cycle, and their resolution by an
 * adviser: accept the list's value (the portal's publications for the cycle give way to it) or keep the
 * portal's with a reason. Both are audited; nothing is decided without an adviser.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly publisher: DsptListPublisher,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ReconciliationList> {
    return this.database.inCurrentTenant(async (manager) => {
      const cycle = await this.publisher.currentCycle(manager);
      if (!cycle) {
        return { cycle: '', items: [], total: 0 };
      }
      const items = openItems(await listedProviders(manager, cycle));
      return { cycle: cycle.code, items, total: items.length };
    });
  }

  resolve(providerId: string, resolution: ReconciliationResolution): Promise<ReconciliationList> {
    const tenantId = requireTenantContext().id;
    const userId = requireSignedInUser().id;
    if (resolution.action === 'keep' && !resolution.reason?.trim()) {
      throw invalidField('reason', "reason is needed to keep the portal's value");
    }
    return this.database.inCurrentTenant(async (manager) => {
      await findProviderOrFail(manager, providerId, { lock: true });
      const cycle = await this.publisher.currentCycle(manager);
      const [item] = cycle ? openItems(await listedProviders(manager, cycle, [providerId])) : [];
      if (!cycle || !item) {
        throw new Conflict('The portal and the DSPT status list agree on this provider (or it was resolved already)');
      }
      const before = { portal: item.portal, official: item.official, listStatus: item.listStatus };
      if (resolution.action === 'keep') {
        await manager.query(
          `INSERT INTO dspt_reconciliation_resolutions (tenant_id, provider_id, cycle_id, portal_level, official_level, reason, resolved_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [tenantId, providerId, cycle.id, item.portal, item.official, resolution.reason?.trim(), userId],
        );
      } else {
        const mine = `SELECT id FROM publications WHERE provider_id = $1 AND cycle_id = $2`;
        // Branches this provider's publication covered keep their own rows.
        await manager.query(`UPDATE publications SET covered_by_id = NULL WHERE covered_by_id IN (${mine})`, [
          providerId,
          cycle.id,
        ]);
        await manager.query(`DELETE FROM publications WHERE provider_id = $1 AND cycle_id = $2`, [
          providerId,
          cycle.id,
        ]);
        if (item.official) {
          const [listed] = await listedProviders(manager, cycle, [providerId]);
          const publishedOn = this.publisher.publishedOn(listed, cycle.code);
          await this.publisher.insert(manager, tenantId, providerId, cycle.id, item.official, publishedOn, {
            coveredById: null,
            recordedBy: userId,
          });
        }
        await this.recalculator.recalculate(manager, providerId, cycle.id);
      }
      await this.audit.record(
        {
          action: resolution.action === 'keep' ? 'reconciliation.kept' : 'reconciliation.accepted',
          tenantId,
          target: { type: 'provider', id: providerId },
          before,
          after:
            resolution.action === 'keep'
              ? { portal: item.portal, reason: resolution.reason?.trim() }
              : { portal: item.official },
        },
        manager,
      );
      const items = openItems(await listedProviders(manager, cycle));
      return { cycle: cycle.code, items, total: items.length };
    });
  }
}
