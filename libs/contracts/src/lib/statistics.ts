import type { EnglishRegion, FigureName, ForecastMethod, ServiceType, ShownFigures, SizeBand } from '@dspt/domain';

export type {
  CompletedHistogram,
  CompletionFigures,
  FigureName,
  ForecastMethod,
  ShownFigures,
  StatusCounts,
} from '@dspt/domain';

/** What completion statistics can be grouped by (DESIGN.md §7); `tenant` is the LSP (key: its slug). */
export const STATS_GROUPINGS = ['region', 'tenant', 'serviceType', 'sizeBand', 'localAuthority'] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];
/** An LSP's own dashboard has one LSP: every grouping but `tenant`. */
export const LSP_STATS_GROUPINGS = [
  'region',
  'serviceType',
  'sizeBand',
  'localAuthority',
] as const satisfies readonly StatsGrouping[];
export type LspStatsGrouping = (typeof LSP_STATS_GROUPINGS)[number];

/** Filters, combined with AND; `tenant` is an LSP's slug. */
export interface StatsFilters {
  region?: EnglishRegion;
  tenant?: string;
  serviceType?: ServiceType;
  sizeBand?: SizeBand;
  localAuthority?: string;
}
export const STATS_FILTER_KEYS = [
  'region',
  'tenant',
  'serviceType',
  'sizeBand',
  'localAuthority',
] as const satisfies ReadonlyArray<keyof StatsFilters>;

/** Last cycle's figures at the same number of days before its deadline, from its daily snapshot. */
export interface PreviousCycleSnapshot {
  /** The previous cycle's code; null when there is no earlier cycle. */
  cycle: string | null;
  /** The day of the snapshot compared with (deadline minus the same days), when there is a previous cycle. */
  day: string | null;
  daysToDeadline: number;
  /** False when no snapshot was taken that day: every row's `previous` is then null. */
  available: boolean;
  /** Says which snapshot the comparison uses, or that none exists. */
  message: string;
}

/**
 * A group's figures. Programme-wide answers hide small numbers (docs/statistics.md, "Small numbers"): a
 * hidden figure is null and named in `hidden`; an LSP's own figures hide nothing.
 */
export interface CompletionRow extends ShownFigures {
  key: string;
  label: string;
  /** The same group in the previous cycle's snapshot; null when the snapshot is missing or had none of it. */
  previous: ShownFigures | null;
}

/** `GET /api/stats/completion` (contract: DESIGN.md §7, with the comparison and totals added). */
export interface CompletionStatistics {
  cycle: string;
  deadline: string;
  /** Days from today (Europe/London) to the deadline; 0 once it has passed. */
  daysToDeadline: number;
  groupBy: StatsGrouping;
  filters: StatsFilters;
  /** The programme's target share at Standards Met or above (0 to 1; STATS_TARGET_PERCENT). */
  targetShare: number;
  rows: CompletionRow[];
  /** Every provider the filters select, all groups together. */
  total: CompletionRow;
  previousCycle: PreviousCycleSnapshot;
}

/** `GET /api/tenants/{slug}/stats/completion`: the LSP's own figures, with the whole country's beside them. */
export interface LspCompletionStatistics extends CompletionStatistics {
  groupBy: LspStatsGrouping;
  tenant: { slug: string; name: string };
  /** Every LSP's providers with the same filters (aggregates only). */
  national: CompletionRow;
}

/** A snapshot day's figures; programme-wide, small numbers are hidden (null, named in `hidden`). */
export interface TrendPoint {
  day: string;
  daysToDeadline: number;
  total: number | null;
  counts: ShownFigures['counts'];
  metOrAboveShare: number | null;
  hidden: FigureName[];
}

export interface TrendSeries {
  cycle: string;
  deadline: string;
  /** One point per daily snapshot, oldest first. */
  points: TrendPoint[];
}

/** `GET /api/stats/trend`: the cycle's series and the previous cycle's, to align on `daysToDeadline`. */
export interface CompletionTrend {
  filters: StatsFilters;
  targetShare: number;
  current: TrendSeries;
  /** Null when there is no earlier cycle. */
  previous: TrendSeries | null;
}

/** What the statistics screens offer to choose from. */
export interface StatisticsOptions {
  /** Cycles, newest first, and the one shown by default. */
  cycles: Array<{ code: string; deadline: string }>;
  currentCycle: string;
  /** LSPs (programme leads only; empty for an LSP's own dashboard). */
  tenants: Array<{ slug: string; name: string; region: string }>;
  localAuthorities: Array<{ name: string; region: string }>;
  targetShare: number;
}

/** What the forecast can be grouped by: regions or LSPs (key: the LSP's slug). */
export const FORECAST_GROUPINGS = ['region', 'tenant'] as const satisfies readonly StatsGrouping[];
export type ForecastGrouping = (typeof FORECAST_GROUPINGS)[number];

/**
 * A group's share at Standards Met or above now and expected by the deadline at the current pace, with a
 * low–high band (shares 0 to 1). Null, with `method` null, when the group's share is hidden (small numbers).
 */
export interface ForecastRow {
  key: string;
  label: string;
  current: number | null;
  projected: number | null;
  low: number | null;
  high: number | null;
  method: ForecastMethod | null;
  /** The group's providers now (null when hidden). */
  providers: number | null;
  /** Providers the projection leaves short of the target (0 when it reaches it). */
  providersShort: number | null;
}

/** `GET /api/stats/forecast?groupBy=region|tenant` (docs/statistics.md, "Forecast"). */
export interface CompletionForecast {
  cycle: string;
  deadline: string;
  daysToDeadline: number;
  /** The programme's target share (0 to 1). */
  target: number;
  groupBy: ForecastGrouping;
  /** The cycle whose curve shapes the forecast; null when there is none (linear pace). */
  previousCycle: string | null;
  rows: ForecastRow[];
  /** The whole programme (key `total`). */
  total: ForecastRow;
}
