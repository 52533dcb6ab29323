import { Conflict, Refusal } from '@dspt/domain';
import type { ProviderImportResult } from '@dspt/contracts';
import type { RowProblem, SheetRowValues } from '@dspt/domain';
import { AssessmentRecalculator, openCycles } from '../assessments';
import { type AuditEventInput, AuditService, ScopedDatabase } from '@dspt/server/data';
import { Clock, rowProblemsException } from '@dspt/server/platform';
import { conflictOnUniqueViolation, contactSnapshot, cycleQuestions, standingWithoutAssessment } from '../providers';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadLspSnapshot } from './lsp-snapshot';
import { planProviderImport, type ProviderImportPlan } from './provider-import-plan';
import {
  batches,
  insertContacts,
  insertFreshAssessments,
  insertProviders,
  updateContacts,
  updateProviders,
} from './provider-import-writes';
import { readProviderSheetRows } from './provider-sheet-rows';

export interface ProviderImportJob {
  tenantId: string;
  actorUserId: string;
  fileName: string;
  rows: readonly SheetRowValues[];
}

/** Told how far an import has got: rows checked while validating, rows written while importing. */
export type ImportReporter = (status: 'validating' | 'importing', processed: number) => void;

/** The id of a provider the import found or inserted (by ODS code). */
function idOf(ids: ReadonlyMap<string, string>, odsCode: string): string {
  const id = ids.get(odsCode);
  if (!id) {
    throw new Error(`Provider ${odsCode} was neither found nor inserted`);
  }
  return id;
}

/** 400 naming every bad row; 409 when the only problem is codes another LSP holds. Nothing was imported. */
function refusal(problems: RowProblem[], onlyTakenCodes: boolean): Refusal {
  const refused = rowProblemsException(problems);
  return onlyTakenCodes ? new Conflict(refused.message, refused.details) : refused;
}

/**
 * Imports providers and contacts from a spreadsheet's rows into one LSP, all or nothing, in one
 * transaction: every row is checked (with the create-provider API's own rules, then against the LSP),
 * and only a file with no problem at all is written, in batches of set-based statements. Re-imports
 * update by ODS code; a contact is matched by email and becomes primary when its provider has none.
 * Imports of one LSP take turns (an advisory lock), so two files cannot race over the same codes.
 */
@Injectable()
export class ProviderImporter {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  run(job: ProviderImportJob, report: ImportReporter = () => undefined): Promise<ProviderImportResult> {
    report('validating', 0);
    const sheet = readProviderSheetRows(job.rows);
    const work = this.database.inTenant(job.tenantId, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('provider-import:' || $1))`, [job.tenantId]);
      const lsp = await loadLspSnapshot(manager, job.tenantId, sheet.rows);
      const outcome = planProviderImport(sheet.rows, lsp);
      const problems = [...sheet.problems, ...('problems' in outcome ? outcome.problems : [])].sort(
        (a, b) => a.row - b.row,
      );
      if (problems.length > 0) {
        throw refusal(problems, sheet.problems.length === 0 && 'problems' in outcome && outcome.onlyTakenCodes);
      }
      report('validating', job.rows.length);
      const ids = new Map([...lsp.existing].map(([code, provider]) => [code, provider.id]));
      return this.write(manager, job, (outcome as { plan: ProviderImportPlan }).plan, ids, report);
    });
    // A code registered elsewhere between the check and the insert (a race) is still a clear 409.
    return conflictOnUniqueViolation(work, {
      uq_providers_ods_code:
        'An ODS code in the file was registered by someone else meanwhile: nothing was imported; try the import again',
    });
  }

  /** `ids` holds the existing providers the file names, by ODS code; new ones are added as they are inserted. */
  private async write(
    manager: EntityManager,
    job: ProviderImportJob,
    plan: ProviderImportPlan,
    ids: Map<string, string>,
    report: ImportReporter,
  ): Promise<ProviderImportResult> {
    const { tenantId } = job;
    let written = 0;
    const progressed = (rows: number) => report('importing', (written += rows));
    report('importing', 0);
    // HQs and single sites first, so the branches that follow can point at new HQs.
    const [topLevel, branches] = [
      plan.creates.filter((create) => create.fields.kind !== 'branch'),
      plan.creates.filter((create) => create.fields.kind === 'branch'),
    ];
    for (const batch of batches(topLevel)) {
      await this.insert(manager, tenantId, batch, ids);
      progressed(batch.length);
    }
    for (const batch of batches(plan.updates)) {
      await updateProviders(manager, batch, ids);
      progressed(batch.length);
    }
    for (const batch of batches(branches)) {
      await this.insert(manager, tenantId, batch, ids);
      progressed(batch.length);
    }
    progressed(plan.unchanged);

    const events: AuditEventInput[] = [];
    const actor = { tenantId, actorUserId: job.actorUserId };
    for (const create of plan.creates) {
      const contacts = create.contact ? [{ ...create.contact, isPrimary: true }] : [];
      events.push({
        ...actor,
        action: 'provider.created',
        target: { type: 'provider', id: idOf(ids, create.fields.odsCode) },
        after: { ...create.fields, version: 1, contacts },
      });
    }
    for (const update of plan.updates) {
      events.push({
        ...actor,
        action: 'provider.updated',
        target: { type: 'provider', id: update.id },
        before: { ...update.changes.before, version: update.version },
        after: { ...update.changes.after, version: update.version + 1 },
      });
    }
    const contacts = plan.contactInserts.map((insert) => ({
      providerId: idOf(ids, insert.odsCode),
      ...insert.contact,
      isPrimary: insert.isPrimary,
    }));
    for (const batch of batches(contacts)) {
      const inserted = await insertContacts(manager, tenantId, batch);
      inserted.forEach((row, index) =>
        events.push({
          ...actor,
          action: 'contact.created',
          target: { type: 'provider_contact', id: row.id },
          after: contactSnapshot(batch[index]),
        }),
      );
    }
    for (const batch of batches(plan.contactUpdates)) {
      await updateContacts(
        manager,
        batch.map((update) => update.after),
      );
    }
    for (const update of plan.contactUpdates) {
      events.push({
        ...actor,
        action: 'contact.updated',
        target: { type: 'provider_contact', id: update.before.id },
        before: contactSnapshot(update.before),
        after: contactSnapshot(update.after),
      });
    }

    await this.assessNew(manager, tenantId, plan, ids);
    for (const update of plan.updates.filter((candidate) => candidate.changes.after.hasCePlus !== undefined)) {
      await this.recalculator.recalculateOpenCycles(manager, update.id, this.clock.today());
    }

    const result: ProviderImportResult = {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      contacts: plan.contactInserts.length + plan.contactUpdates.length,
      rows: job.rows.length,
    };
    events.push({
      ...actor,
      action: 'import.providers',
      target: { type: 'tenant', id: tenantId },
      after: { ...result, file: job.fileName },
    });
    await this.audit.recordMany(events, manager);
    return result;
  }

  private async insert(
    manager: EntityManager,
    tenantId: string,
    creates: ProviderImportPlan['creates'],
    ids: Map<string, string>,
  ): Promise<void> {
    const inserted = await insertProviders(
      manager,
      tenantId,
      creates.map((create) => create.fields),
      ids,
    );
    for (const row of inserted) {
      ids.set(row.ods_code, row.id);
    }
  }

  /** New providers are assessed in every open cycle, as creating one through the API does. */
  private async assessNew(
    manager: EntityManager,
    tenantId: string,
    plan: ProviderImportPlan,
    ids: ReadonlyMap<string, string>,
  ): Promise<void> {
    if (plan.creates.length === 0) {
      return;
    }
    for (const cycle of await openCycles(manager, this.clock.today())) {
      const questions = await cycleQuestions(manager, cycle.id);
      const standing = {
        false: standingWithoutAssessment(questions, false),
        true: standingWithoutAssessment(questions, true),
      };
      for (const batch of batches(plan.creates)) {
        await insertFreshAssessments(
          manager,
          tenantId,
          cycle.id,
          batch.map((create) => {
            const { progress, status } = standing[`${create.fields.hasCePlus}`];
            return {
              providerId: idOf(ids, create.fields.odsCode),
              completed: progress.completed,
              total: progress.total,
              status,
            };
          }),
        );
      }
    }
  }
}
