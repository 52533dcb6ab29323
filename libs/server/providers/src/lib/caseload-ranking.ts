import type { CaseloadItem, CaseloadSort, SortDirection } from '@dspt/contracts';
import { daysBetween, isAtRisk, type ProviderKind, type ProviderStatus, type PublicationLevel, type ServiceType, triagePriority } from '@dspt/domain';
import { londonDate } from '@dspt/server/config';
import type { CycleStanding } from './cycle-standing';

/** One provider as the caseload query reads it. */
export interface CaseloadRow {
  id: string;
  name: string;
  odsCode: string;
  kind: ProviderKind;
  serviceType: ServiceType;
  region: string;
  hasCePlus: boolean;
  lastContactAt: Date | null;
  archivedAt: Date | null;
  adviser: { id: string; displayName: string } | null;
  /** The provider's assessment for the cycle; null when it has none yet. */
  standing: CycleStanding | null;
  /** The latest publication before this cycle. */
  previousLevel: PublicationLevel | null;
  overdueTasks: number;
}

export interface RankingContext {
  /** YYYY-MM-DD, Europe/London. */
  today: string;
  deadline: string;
  /** The standing of providers with no assessment for the cycle, without and with CE+. */
  unstarted: { withoutCePlus: CycleStanding; withCePlus: CycleStanding };
}

export interface CaseloadSelection {
  status?: ProviderStatus;
  atRiskOnly: boolean;
  sort: CaseloadSort;
  direction?: SortDirection;
  page: number;
  pageSize: number;
}

interface Ranked {
  item: CaseloadItem;
  atRisk: boolean;
  mandatoryLeft: number;
  lastContactMs: number;
}

/** Each sort's natural order, ascending; `NATURAL_DIRECTION` says which way the list reads by default. */
const ASCENDING: Record<CaseloadSort, (a: Ranked, b: Ranked) => number> = {
  priority: (a, b) => a.item.priority.score - b.item.priority.score || a.mandatoryLeft - b.mandatoryLeft,
  name: (a, b) => compareText(a.item.name, b.item.name) || compareText(a.item.odsCode, b.item.odsCode),
  progress: (a, b) => share(a.item.progress) - share(b.item.progress) || a.item.progress.completed - b.item.progress.completed,
  // Never contacted reads as longest ago.
  lastContact: (a, b) => a.lastContactMs - b.lastContactMs,
};
const NATURAL_DIRECTION: Record<CaseloadSort, SortDirection> = { priority: 'desc', name: 'asc', progress: 'asc', lastContact: 'asc' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

function share(progress: { completed: number; total: number }): number {
  return progress.total === 0 ? 1 : progress.completed / progress.total;
}

/** Day arithmetic done once per distinct day, not once per provider. */
interface Days {
  toDeadline: number;
  since(instant: Date): number;
}

function daysFrom(context: RankingContext): Days {
  const sinceDay = new Map<string, number>();
  return {
    toDeadline: daysBetween(context.today, context.deadline),
    since(instant) {
      const day = londonDate(instant);
      let days = sinceDay.get(day);
      if (days === undefined) {
        days = daysBetween(day, context.today);
        sinceDay.set(day, days);
      }
      return days;
    },
  };
}

function rank(row: CaseloadRow, context: RankingContext, days: Days): Ranked {
  const standing = row.standing ?? (row.hasCePlus ? context.unstarted.withCePlus : context.unstarted.withoutCePlus);
  const daysToDeadline = days.toDeadline;
  const mandatoryLeft = Math.max(0, standing.progress.total - standing.progress.completed);
  const priority = triagePriority({
    status: standing.status,
    daysToDeadline,
    mandatoryLeft,
    daysSinceLastContact: row.lastContactAt ? days.since(row.lastContactAt) : null,
    previousApproachingStandards: row.previousLevel === 'approaching_standards',
    overdueTasks: row.overdueTasks,
  });
  return {
    item: {
      id: row.id,
      name: row.name,
      odsCode: row.odsCode,
      status: standing.status,
      progress: standing.progress,
      priority,
      kind: row.kind,
      serviceType: row.serviceType,
      region: row.region,
      assignedAdviser: row.adviser,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      overdueTasks: row.overdueTasks,
      archivedAt: row.archivedAt?.toISOString() ?? null,
    },
    atRisk: isAtRisk({ status: standing.status, priorityScore: priority.score, daysToDeadline, mandatoryLeft }),
    mandatoryLeft,
    lastContactMs: row.lastContactAt?.getTime() ?? Number.NEGATIVE_INFINITY,
  };
}

/**
 * The caseload page: each provider's status, progress and triage priority (libs/domain) for the cycle,
 * filtered by status and risk, sorted (ties by name, then id, so pages never overlap) and paged.
 */
export function rankCaseload(rows: readonly CaseloadRow[], context: RankingContext, selection: CaseloadSelection): { items: CaseloadItem[]; total: number } {
  const sign = (selection.direction ?? NATURAL_DIRECTION[selection.sort]) === 'asc' ? 1 : -1;
  const byField = ASCENDING[selection.sort];
  const days = daysFrom(context);
  const ranked = rows
    .map((row) => rank(row, context, days))
    .filter((entry) => (!selection.status || entry.item.status === selection.status) && (!selection.atRiskOnly || entry.atRisk))
    .sort((a, b) => sign * byField(a, b) || ASCENDING.name(a, b) || (a.item.id < b.item.id ? -1 : 1));
  const start = (selection.page - 1) * selection.pageSize;
  return { items: ranked.slice(start, start + selection.pageSize).map((entry) => entry.item), total: ranked.length };
}
