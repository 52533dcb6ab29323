import type { BulkAssignResult, CaseloadItem, CaseloadPage } from '@dspt/contracts';
import { CyclesService } from '@dspt/server/assessments';
import { AuditService } from '@dspt/server/audit';
import { Clock } from '@dspt/server/config';
import { type AssessmentCycleEntity, ProviderEntity } from '@dspt/server/database';
import { requireSignedInUser, requireTenantContext, ScopedDatabase } from '@dspt/server/tenancy';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { CaseloadFilterQuery, CaseloadQueryDto } from './caseload-query.dto';
import { rankCaseload } from './caseload-ranking';
import { loadCaseloadRows } from './caseload-rows';
import { standingWithoutAssessment } from './cycle-standing';
import { ProviderChecks } from './provider-checks';
import { assertNoProblems } from './provider-errors';
import { cycleQuestions } from './provider-reader';
import type { BulkAssignDto } from './providers.dto';

const DEFAULT_PAGE_SIZE = 25;

/** The adviser's caseload: who to look at first, and handing providers to advisers in bulk. */
@Injectable()
export class CaseloadService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly cycles: CyclesService,
    private readonly checks: ProviderChecks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(query: CaseloadQueryDto): Promise<CaseloadPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return this.database.inCurrentTenant(async (manager) => {
      const { cycle, items, total } = await this.ranked(manager, query, { page, pageSize });
      return { items, total, page, pageSize, cycle: cycle.code };
    });
  }

  /**
   * The providers the filters select, ranked and sorted as the list shows them, for a cycle; one page of
   * them, or all of them when no paging is given (the export).
   */
  async ranked(
    manager: EntityManager,
    query: CaseloadFilterQuery,
    paging?: { page: number; pageSize: number },
  ): Promise<{ cycle: AssessmentCycleEntity; items: CaseloadItem[]; total: number }> {
    const today = this.clock.today();
    const cycle = await this.cycles.resolve(manager, query.cycle);
    const questions = await cycleQuestions(manager, cycle.id);
    const rows = await loadCaseloadRows(manager, {
      cycleId: cycle.id,
      deadline: cycle.deadline,
      today,
      search: query.search?.trim() || undefined,
      adviser: query.adviser?.toLowerCase(),
      assignedTo: query.view === 'mine' ? requireSignedInUser().id : undefined,
      region: query.region,
      serviceType: query.serviceType,
      includeArchived: query.includeArchived ?? false,
    });
    const { items, total } = rankCaseload(
      rows,
      {
        today,
        deadline: cycle.deadline,
        unstarted: { withoutCePlus: standingWithoutAssessment(questions, false), withCePlus: standingWithoutAssessment(questions, true) },
      },
      {
        status: query.status,
        atRiskOnly: query.view === 'at-risk',
        sort: query.sort ?? 'priority',
        direction: query.direction,
        ...(paging ?? { page: 1, pageSize: Math.max(rows.length, 1) }),
      },
    );
    return { cycle, items, total };
  }

  /** All or nothing: every provider named must be in this LSP, and the adviser assignable. */
  assign(input: BulkAssignDto): Promise<BulkAssignResult> {
    const tenantId = requireTenantContext().id;
    return this.database.inCurrentTenant(async (manager) => {
      if (input.adviserId) {
        await this.checks.assertAssignable(manager, input.adviserId, 'adviserId');
      }
      // Locked in id order, so two bulk assignments over the same providers wait for each other, never deadlock.
      const providers = await manager.find(ProviderEntity, {
        where: { id: In(input.providerIds) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const found = new Set(providers.map((provider) => provider.id));
      assertNoProblems(
        input.providerIds.flatMap((id, index) =>
          found.has(id) ? [] : [{ field: `providerIds.${index}`, message: 'No provider with this id in this LSP' }],
        ),
      );
      const changing = providers.filter((provider) => provider.assignedAdviserId !== input.adviserId);
      if (changing.length > 0) {
        await manager.update(ProviderEntity, { id: In(changing.map((provider) => provider.id)) }, { assignedAdviserId: input.adviserId });
      }
      for (const provider of changing) {
        await this.audit.record(
          {
            action: 'provider.assigned',
            tenantId,
            target: { type: 'provider', id: provider.id },
            before: { assignedAdviserId: provider.assignedAdviserId, version: provider.version },
            after: { assignedAdviserId: input.adviserId, version: provider.version + 1 },
          },
          manager,
        );
      }
      return { assigned: changing.length, unchanged: providers.length - changing.length };
    });
  }
}
