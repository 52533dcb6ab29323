import type { PublicationInput, PublicationView } from '@dspt/contracts';
import {
  cycleForDate,
  PUBLICATION_LEVEL_NAMES,
  type PublicationCheck,
  type PublicationLevel,
  publicationRefusal,
  publishBlockers,
  type QuestionStatus,
  Unprocessable,
  invalidField,
} from '@dspt/domain';
import {
  AuditService,
  type AssessmentCycleEntity,
  ProviderEntity,
  PublicationEntity,
  requireSignedInUser,
  ScopedDatabase,
} from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AssessmentRecalculator } from './assessment-recalculator';
import { type AssessmentState, loadAssessmentState, lockAssessment } from './assessment-state';
import { CyclesService } from './cycles.service';
import { findProviderOrFail } from '../providers/provider-lookup';
import { publicationSummary } from './publication-summary';
import { QuestionProgressWriter } from './question-progress-writer';

interface PublicationRow {
  id: string;
  cycle: string;
  level: PublicationLevel;
  published_on: string;
  hq_id: string | null;
  hq_ods_code: string | null;
  hq_name: string | null;
  covers: PublicationView['covers'];
  recorded_by: string | null;
}

const PUBLICATIONS_SQL = `
  SELECT p.id, c.code AS cycle, p.level, p.published_on::text AS published_on,
         hq.id AS hq_id, hq.ods_code AS hq_ods_code, hq.name AS hq_name, u.display_name AS recorded_by,
         COALESCE((SELECT json_agg(json_build_object('providerId', b.id, 'odsCode', b.ods_code, 'name', b.name) ORDER BY b.name)
                   FROM publications bp JOIN providers b ON b.id = bp.provider_id
                   WHERE bp.covered_by_id = p.id), '[]'::json) AS covers
  FROM publications p
  JOIN assessment_cycles c ON c.id = p.cycle_id
  LEFT JOIN publications hp ON hp.id = p.covered_by_id
  LEFT JOIN providers hq ON hq.id = hp.provider_id
  LEFT JOIN users u ON u.id = p.recorded_by`;

function toView(row: PublicationRow): PublicationView {
  return {
    id: row.id,
    cycle: row.cycle,
    level: row.level,
    publishedOn: row.published_on,
    summary: publicationSummary(row.cycle, row.level, row.published_on),
    coveredBy: row.hq_id ? { providerId: row.hq_id, odsCode: row.hq_ods_code ?? '', name: row.hq_name ?? '' } : null,
    covers: row.covers,
    recordedBy: row.recorded_by,
  };
}

/**
 * What providers published on the DSPT. Recording one applies the DSPT's rules (libs/domain
 * publicationRefusal) and, in the same transaction, marks the items the adviser saw completed, writes a
 * row for every covered branch, audits, and recalculates the statuses it touched: all or nothing.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly cycles: CyclesService,
    private readonly writer: QuestionProgressWriter,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every cycle, newest first; a covered branch's rows name the HQ whose publication they come from. */
  list(providerId: string): Promise<PublicationView[]> {
    return this.database.inCurrentTenant((manager) => this.listIn(manager, providerId));
  }

  /** As `list`, in the caller's transaction. */
  async listIn(manager: EntityManager, providerId: string): Promise<PublicationView[]> {
    await findProviderOrFail(manager, providerId);
    const rows: PublicationRow[] = await manager.query(
      `${PUBLICATIONS_SQL} WHERE p.provider_id = $1 ORDER BY p.published_on DESC, p.created_at DESC`,
      [providerId],
    );
    return rows.map(toView);
  }

  record(providerId: string, input: PublicationInput): Promise<PublicationView> {
    const cycleCode = this.cycleOf(input);
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId, { lock: true });
      const cycle = await this.cycles.resolve(manager, cycleCode);
      const branches = await this.coveredBranches(manager, provider, input.coversBranchIds ?? []);
      const assessmentId = await lockAssessment(manager, provider, cycle.id);
      const state = await loadAssessmentState(manager, provider, cycle.id);
      const completing = this.itemsToComplete(state, input);
      const check = await this.check(manager, provider, state, input, completing);
      await this.refuseForBranches(manager, branches, check, input.publishedOn);

      for (const question of completing) {
        await this.writer.write(manager, { provider, cycle, assessmentId, question, status: 'completed' });
      }
      const publication = await this.insert(manager, provider, cycle, input, null);
      for (const branch of branches) {
        await this.insert(manager, branch, cycle, input, publication.id);
      }
      await this.recalculator.recalculate(manager, provider.id, cycle.id);
      for (const branch of branches) {
        await this.recalculator.recalculate(manager, branch.id, cycle.id);
      }
      await this.audit.record(
        {
          action: 'publication.recorded',
          tenantId: provider.tenantId,
          target: { type: 'provider', id: provider.id },
          after: {
            publicationId: publication.id,
            cycle: cycle.code,
            level: input.level,
            publishedOn: input.publishedOn,
            completedItems: completing.map((question) => question.code),
            coversBranchIds: branches.map((branch) => branch.id),
          },
        },
        manager,
      );
      const [row]: PublicationRow[] = await manager.query(`${PUBLICATIONS_SQL} WHERE p.id = $1`, [publication.id]);
      return toView(row);
    });
  }

  /** A publication counts for the cycle it was made in, and cannot be dated in the future. */
  private cycleOf(input: PublicationInput): string {
    if (input.publishedOn > this.clock.today()) {
      throw invalidField('publishedOn', `publishedOn must not be in the future (today is ${this.clock.today()})`);
    }
    const cycleCode = cycleForDate(input.publishedOn).code;
    if (input.cycle !== undefined && input.cycle !== cycleCode) {
      throw invalidField(
        'cycle',
        `cycle must be ${cycleCode}: a publication on ${input.publishedOn} counts for cycle ${cycleCode}`,
      );
    }
    return cycleCode;
  }

  /** Only an HQ covers branches, and only its own (row-level security keeps them in this LSP). */
  private async coveredBranches(manager: EntityManager, hq: ProviderEntity, ids: string[]): Promise<ProviderEntity[]> {
    if (ids.length === 0) {
      return [];
    }
    if (hq.kind !== 'hq') {
      throw invalidField('coversBranchIds', "coversBranchIds: only an HQ's publication can cover branches");
    }
    const branches = await manager.find(ProviderEntity, {
      where: { id: In(ids), parentId: hq.id },
      order: { id: 'ASC' },
    });
    const strangers = ids.filter((id) => !branches.some((branch) => branch.id === id));
    if (strangers.length > 0) {
      throw invalidField(
        'coversBranchIds',
        `coversBranchIds must be branches of this HQ; these are not: ${strangers.join(', ')}`,
      );
    }
    return branches;
  }

  /** `completeItems` may name only open mandatory items for the level (the DSPT's blockers). */
  private itemsToComplete(state: AssessmentState, input: PublicationInput) {
    const codes = input.completeItems ?? [];
    const open = publishBlockers(
      state.input,
      input.level === 'approaching_standards' ? 'approaching_standards' : 'standards_met',
    );
    const notOpen = codes.filter((code) => !open.some((blocker) => blocker.code === code));
    if (notOpen.length > 0) {
      throw invalidField(
        'completeItems',
        `completeItems may list only open mandatory items for ${PUBLICATION_LEVEL_NAMES[input.level]}; these are not: ${notOpen.join(', ')}`,
      );
    }
    return state.questions.filter((question) => codes.includes(question.code));
  }

  /** The DSPT's rules (libs/domain), judged as if the items being completed already were. */
  private async check(
    manager: EntityManager,
    provider: ProviderEntity,
    state: AssessmentState,
    input: PublicationInput,
    completing: Array<{ code: string }>,
  ): Promise<PublicationCheck> {
    const statuses = new Map<string, QuestionStatus>(state.input.statuses);
    for (const question of completing) {
      statuses.set(question.code, 'completed');
    }
    const after = { ...state.input, statuses };
    const remaining = {
      approaching_standards: publishBlockers(after, 'approaching_standards'),
      standards_met: publishBlockers(after, 'standards_met'),
    };
    const check: PublicationCheck = {
      level: input.level,
      ...(await publicationNeighbours(manager, provider.id, input.publishedOn)),
      approachingStandardsBlockers: remaining.approaching_standards.length,
      standardsMetBlockers: remaining.standards_met.length,
      hasCePlus: provider.hasCePlus,
    };
    const refusal = publicationRefusal(check);
    if (refusal) {
      // Name the open items when they are the reason (not for Approaching Standards twice, nor a missing CE+).
      const open = remaining[input.level === 'approaching_standards' ? 'approaching_standards' : 'standards_met'];
      const blockersAreTheReason =
        publicationRefusal({ ...check, approachingStandardsBlockers: 0, standardsMetBlockers: 0 }) !== refusal;
      const list = blockersAreTheReason
        ? ` (${open.map((blocker) => blocker.code).join(', ')}); list them in completeItems if they are done`
        : '';
      throw new Unprocessable(`${refusal}${list}`);
    }
    return check;
  }

  /** A covered branch publishes the HQ's assessment, under its own history (Approaching Standards only once). */
  private async refuseForBranches(
    manager: EntityManager,
    branches: ProviderEntity[],
    check: PublicationCheck,
    publishedOn: string,
  ): Promise<void> {
    for (const branch of branches) {
      const refusal = publicationRefusal({
        ...check,
        ...(await publicationNeighbours(manager, branch.id, publishedOn)),
      });
      if (refusal) {
        throw new Unprocessable(`Branch ${branch.name} (${branch.odsCode}): ${refusal}`);
      }
    }
  }

  private insert(
    manager: EntityManager,
    provider: ProviderEntity,
    cycle: AssessmentCycleEntity,
    input: PublicationInput,
    coveredById: string | null,
  ): Promise<PublicationEntity> {
    return manager.save(
      manager.create(PublicationEntity, {
        tenantId: provider.tenantId,
        providerId: provider.id,
        cycleId: cycle.id,
        level: input.level,
        publishedOn: input.publishedOn,
        coveredById,
        recordedBy: requireSignedInUser().id,
      }),
    );
  }
}

/** The provider's publications either side of a date, in any cycle: what the Approaching Standards rule looks at. */
export async function publicationNeighbours(
  manager: EntityManager,
  providerId: string,
  publishedOn: string,
): Promise<Pick<PublicationCheck, 'previousLevel' | 'nextLevel'>> {
  const [row]: Array<{ previous_level: PublicationLevel | null; next_level: PublicationLevel | null }> =
    await manager.query(
      `SELECT (SELECT level FROM publications WHERE provider_id = $1 AND published_on <= $2
                ORDER BY published_on DESC, created_at DESC LIMIT 1) AS previous_level,
              (SELECT level FROM publications WHERE provider_id = $1 AND published_on > $2
                ORDER BY published_on, created_at LIMIT 1) AS next_level`,
      [providerId, publishedOn],
    );
  return { previousLevel: row.previous_level, nextLevel: row.next_level };
}
