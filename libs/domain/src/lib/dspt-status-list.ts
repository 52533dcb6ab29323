import { cycleForDate, cycleFromCode, parseIsoDate } from './assessment-cycle';
import { normaliseOdsCode } from './ods-code';
import type { PublicationLevel } from './publication-rules';
import type { SheetRowValues } from './sheet-rows';

/**
 * The DSPT's own organisation status list (the organisation search's download): who has published, per
 * the DSPT. Its layout has changed over the years, so columns are found by header, case-insensitively,
 * among synonyms, and the mapping used is reported.
 */
export const DSPT_LIST_STATUSES = [
  'standards_exceeded',
  'standards_met',
  'approaching_standards',
  'not_published',
] as const;
export type DsptListStatus = (typeof DSPT_LIST_STATUSES)[number];

export const DSPT_LIST_FIELDS = ['code', 'name', 'status', 'date'] as const;
export type DsptListField = (typeof DSPT_LIST_FIELDS)[number];

/** Header names each field is known by, in order of preference (lower-case). */
export const DSPT_LIST_SYNONYMS: Record<DsptListField, readonly string[]> = {
  code: ['organisation code', 'ods code', 'code'],
  name: ['organisation name', 'name'],
  status: ['status', 'latest status', 'assessment status'],
  date: ['date published', 'published', 'latest publication date'],
};

/** The header each field was read from (as the file spells it), or null when the file has none. */
export type DsptListMapping = Record<DsptListField, string | null>;

const STATUS_NAMES: Record<string, DsptListStatus> = {
  'standards exceeded': 'standards_exceeded',
  'standards met': 'standards_met',
  'approaching standards': 'approaching_standards',
  'not published': 'not_published',
};

/**
 * Which header holds each field, or why the file cannot be a status list: it needs a code and a status
 * column, and the refusal names the columns the file has.
 */
export function mapDsptListHeader(headers: readonly string[]): { mapping: DsptListMapping } | { refusal: string } {
  const lower = headers.map((header) => header.trim().toLowerCase());
  const find = (field: DsptListField): string | null => {
    for (const synonym of DSPT_LIST_SYNONYMS[field]) {
      const index = lower.indexOf(synonym);
      if (index >= 0) {
        return headers[index].trim();
      }
    }
    return null;
  };
  const mapping: DsptListMapping = {
    code: find('code'),
    name: find('name'),
    status: find('status'),
    date: find('date'),
  };
  const missing = (['code', 'status'] as const).filter((field) => mapping[field] === null);
  if (missing.length > 0) {
    const named = headers.filter((header) => header.trim() !== '').map((header) => `"${header.trim()}"`);
    const wanted = missing.map(
      (field) => `${field} (${DSPT_LIST_SYNONYMS[field].map((name) => `"${name}"`).join(', ')})`,
    );
    return {
      refusal: `This is not a DSPT status list: no ${wanted.join(' and no ')} column. The file's columns are ${named.join(', ') || 'none'}`,
    };
  }
  return { mapping };
}

/**
 * A status as the DSPT writes it ("Standards Met", "24/25 Standards Met", any case), with the cycle the
 * prefix names ("2024-25"), or null when it is none of the four: unknown values are listed, never guessed.
 */
export function parseDsptStatus(raw: string): { status: DsptListStatus; cycle: string | null } | null {
  const text = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  const prefixed = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2})\s+(.+)$/.exec(text);
  const name = prefixed ? prefixed[3] : text;
  const status = STATUS_NAMES[name];
  if (!status) {
    return null;
  }
  if (!prefixed) {
    return { status, cycle: null };
  }
  const startYear = prefixed[1].length === 2 ? 2000 + Number(prefixed[1]) : Number(prefixed[1]);
  const code = `${startYear}-${prefixed[2]}`;
  try {
    return { status, cycle: cycleFromCode(code).code };
  } catch {
    return null;
  }
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A publication date as the list writes it: ISO ("2025-03-14", with or without a time), UK numeric
 * ("14/03/2025") or words ("14 March 2025", "14 Mar 2025"). Blank is null; anything else is undefined.
 */
export function parseDsptListDate(raw: string): string | null | undefined {
  const text = raw.trim();
  if (text === '') {
    return null;
  }
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [\d:]+)?$/.exec(text);
  const words = /^(\d{1,2}) ([a-z]+) (\d{4})$/i.exec(text);
  if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (uk) {
    parts = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  } else if (words) {
    const month = MONTHS.findIndex((name) => name.startsWith(words[2].toLowerCase()) && words[2].length >= 3);
    parts = month >= 0 ? [Number(words[3]), month + 1, Number(words[1])] : null;
  }
  if (!parts) {
    return undefined;
  }
  const date = `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  try {
    parseIsoDate(date);
    return date;
  } catch {
    return undefined;
  }
}

export interface DsptListEntry {
  row: number;
  odsCode: string;
  organisationName: string;
  status: DsptListStatus;
  statusCycle: string | null;
  publishedOn: string | null;
}

export interface DsptListRead {
  entries: DsptListEntry[];
  /** Status values that are none of the four, with the rows they are on; those rows are not imported. */
  unknownStatuses: Array<{ value: string; rows: number[] }>;
  /** Rows left out for another reason (no code, a code listed twice, an unreadable date), with why. */
  skipped: Array<{ row: number; field: string; message: string }>;
}

/** The list's rows under `mapping`: entries to keep, unknown statuses listed, other bad rows skipped by name. */
export function readDsptListRows(rows: readonly SheetRowValues[], mapping: DsptListMapping): DsptListRead {
  const column = (field: DsptListField) => mapping[field]?.toLowerCase() ?? null;
  const cell = (values: Record<string, string>, field: DsptListField) => {
    const name = column(field);
    return name === null ? '' : (values[name] ?? '').trim();
  };
  const entries: DsptListEntry[] = [];
  const unknown = new Map<string, number[]>();
  const skipped: DsptListRead['skipped'] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values } of rows) {
    const odsCode = normaliseOdsCode(cell(values, 'code'));
    if (!/^[A-Z0-9]{3,6}$/.test(odsCode)) {
      const message = odsCode === '' ? 'No organisation code' : `"${odsCode}" is not an ODS code`;
      skipped.push({ row, field: mapping.code ?? 'code', message });
      continue;
    }
    const rawStatus = cell(values, 'status');
    const parsed = parseDsptStatus(rawStatus);
    if (!parsed) {
      unknown.set(rawStatus, [...(unknown.get(rawStatus) ?? []), row]);
      continue;
    }
    const publishedOn = parseDsptListDate(cell(values, 'date'));
    if (publishedOn === undefined) {
      skipped.push({ row, field: mapping.date ?? 'date', message: `"${cell(values, 'date')}" is not a date` });
      continue;
    }
    const earlier = firstRow.get(odsCode);
    if (earlier !== undefined) {
      skipped.push({ row, field: mapping.code ?? 'code', message: `${odsCode} is already on row ${earlier}` });
      continue;
    }
    firstRow.set(odsCode, row);
    entries.push({
      row,
      odsCode,
      organisationName: cell(values, 'name'),
      status: parsed.status,
      statusCycle: parsed.cycle,
      publishedOn: parsed.status === 'not_published' ? null : publishedOn,
    });
  }
  return { entries, unknownStatuses: [...unknown].map(([value, found]) => ({ value, rows: found })), skipped };
}

/**
 * The cycle a list status speaks of: the one its prefix names, else the one its publication date falls
 * in, else the one the list itself was produced in (a bare "Standards Met" with no date is current).
 */
export function dsptListEntryCycle(
  entry: Pick<DsptListEntry, 'statusCycle' | 'publishedOn'>,
  listedOn: string,
): string {
  return entry.statusCycle ?? cycleForDate(entry.publishedOn ?? listedOn).code;
}

/** The level the list shows as published for `cycle`, or null (not published, or only in another cycle). */
export function officialLevel(
  entry: Pick<DsptListEntry, 'status' | 'statusCycle' | 'publishedOn'>,
  listedOn: string,
  cycle: string,
): PublicationLevel | null {
  if (entry.status === 'not_published' || dsptListEntryCycle(entry, listedOn) !== cycle) {
    return null;
  }
  return entry.status;
}

export const RECONCILIATION_KINDS = ['not_on_list', 'different_level', 'not_in_portal'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

/**
 * How the portal and the list disagree for a cycle, or null when they agree: the portal records a
 * publication the list does not show, the two name different levels, or the list shows one the portal
 * has not recorded (left when the portal's rules refused to record it, e.g. Approaching Standards twice).
 */
export function reconciliationKind(
  portal: PublicationLevel | null,
  official: PublicationLevel | null,
): ReconciliationKind | null {
  if (portal === official) {
    return null;
  }
  if (official === null) {
    return 'not_on_list';
  }
  return portal === null ? 'not_in_portal' : 'different_level';
}

/** Reminders skip a provider the list shows at Standards Met or above for the cycle, as if the portal recorded it. */
export function listShowsMetOrAbove(official: PublicationLevel | null): boolean {
  return official === 'standards_met' || official === 'standards_exceeded';
}
