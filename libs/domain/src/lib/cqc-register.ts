import { normaliseOdsCode } from './ods-code';
import type { ServiceType } from './provider-fields';
import type { RowProblem, SheetRowValues } from './sheet-rows';

/**
 * The CQC register of active locations ("HSCA Active Locations"), as CQC publishes it. Columns are found
 * by header, any case, by the names below or their synonyms; every other column of CQC's file (regulated
 * activities, service types, and so on) is ignored.
 */
export const CQC_REGISTER_COLUMNS = {
  locationId: ['location id', 'locationid', 'location_id', 'cqc location id', 'cqc location'],
  odsCode: ['location ods code', 'ods code', 'location ods', 'ods_code', 'odscode'],
  name: ['location name', 'name', 'location_name'],
  localAuthority: ['location local authority', 'local authority', 'location_local_authority', 'la'],
  region: ['location region', 'region', 'location_region'],
  careHome: ['care home?', 'care home', 'carehome', 'care_home', 'location care home'],
  inspectionCategory: [
    'location primary inspection category',
    'primary inspection category',
    'inspection category',
    'location_primary_inspection_category',
  ],
  inspectionDirectorate: ['location inspection directorate', 'inspection directorate'],
  providerId: ['provider id', 'providerid', 'provider_id'],
  providerName: ['provider name', 'provider_name'],
} as const satisfies Record<string, readonly string[]>;
export type CqcRegisterField = keyof typeof CQC_REGISTER_COLUMNS;

export const CQC_REGISTER_REQUIRED_FIELDS: readonly CqcRegisterField[] = ['locationId', 'name', 'localAuthority'];

/** Every header name the register import recognises (lower-case), and the field each stands for. */
export const CQC_REGISTER_HEADER_NAMES: ReadonlyMap<string, CqcRegisterField> = new Map(
  Object.entries(CQC_REGISTER_COLUMNS).flatMap(([field, names]) =>
    names.map((name) => [name, field as CqcRegisterField] as const),
  ),
);

/** A register file: at most this many data rows (the real one has about 56,000 for all sectors). */
export const CQC_REGISTER_MAX_ROWS = 150_000;

/** One location of the register, as stored. */
export interface CqcLocation {
  locationId: string;
  odsCode: string | null;
  name: string;
  localAuthority: string;
  region: string | null;
  careHome: boolean;
  inspectionCategory: string | null;
  inspectionDirectorate: string | null;
  providerId: string | null;
  providerName: string | null;
}

/** CQC's primary inspection categories of adult social care (its other ones are health care). */
export const ADULT_SOCIAL_CARE_CATEGORIES: readonly string[] = [
  'residential social care',
  'community based adult social care services',
];

/**
 * The rule for which registered locations the portal covers: adult social care. A location is kept when
 * CQC inspects it as adult social care (inspection directorate "Adult social care"), or its primary
 * inspection category is one of adult social care's, or it is a care home. Hospitals, GP practices,
 * dentists, hospices and the like are left out.
 */
export function isAdultSocialCareLocation(
  location: Pick<CqcLocation, 'careHome' | 'inspectionCategory' | 'inspectionDirectorate'>,
): boolean {
  const category = (location.inspectionCategory ?? '').trim().toLowerCase();
  const directorate = (location.inspectionDirectorate ?? '').trim().toLowerCase();
  return location.careHome || directorate === 'adult social care' || ADULT_SOCIAL_CARE_CATEGORIES.includes(category);
}

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0', '']);

/** Reads one register row (values keyed by field), or the problems that stop it. */
export function cqcLocationFromRow(
  row: SheetRowValues,
): { location: CqcLocation; problems?: never } | { problems: RowProblem[]; location?: never } {
  const text = (field: CqcRegisterField) => (row.values[field] ?? '').trim();
  const optional = (field: CqcRegisterField) => text(field) || null;
  const problems: RowProblem[] = [];
  for (const field of CQC_REGISTER_REQUIRED_FIELDS) {
    if (!text(field)) {
      problems.push({ row: row.row, field, message: `${CQC_REGISTER_COLUMNS[field][0]} is missing` });
    }
  }
  const careHome = text('careHome').toLowerCase();
  if (!YES.has(careHome) && !NO.has(careHome)) {
    problems.push({ row: row.row, field: 'careHome', message: `Care home? must be Y or N, not "${text('careHome')}"` });
  }
  if (problems.length > 0) {
    return { problems };
  }
  const odsCode = text('odsCode') ? normaliseOdsCode(text('odsCode')) : null;
  return {
    location: {
      locationId: text('locationId'),
      odsCode,
      name: text('name'),
      localAuthority: text('localAuthority'),
      region: optional('region'),
      careHome: YES.has(careHome),
      inspectionCategory: optional('inspectionCategory'),
      inspectionDirectorate: optional('inspectionDirectorate'),
      providerId: optional('providerId'),
      providerName: optional('providerName'),
    },
  };
}

/**
 * The service type of a provider added from the register: a care home is residential (the register's
 * columns kept here do not say whether it has nursing), community based services are homecare, the rest
 * "other". Advisers correct it on the provider's page.
 */
export function serviceTypeFromRegister(location: Pick<CqcLocation, 'careHome' | 'inspectionCategory'>): ServiceType {
  if (location.careHome) {
    return 'care_home_residential';
  }
  const category = (location.inspectionCategory ?? '').trim().toLowerCase();
  return category === 'community based adult social care services' ? 'homecare' : 'other';
}

export const COVERAGE_STATUSES = ['in_caseload', 'elsewhere', 'not_engaged'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Local authority names as an LSP declares them: trimmed, single-spaced, each once (any case). */
export function normaliseLocalAuthorities(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(name.toLowerCase())) {
      seen.set(name.toLowerCase(), name);
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** At most this many row problems are reported for a refused register; the message gives the count. */
export const CQC_REGISTER_MAX_PROBLEMS = 100;

export interface CqcRegisterReading {
  rows: number;
  /** The adult social care locations of the file, each once. */
  kept: CqcLocation[];
  /** Problems of rows the rule would keep (a GP practice's missing cell stops nothing); none: import. */
  problems: RowProblem[];
}

/**
 * Reads a whole register file: every row through `cqcLocationFromRow`, kept by `isAdultSocialCareLocation`.
 * Rows the rule leaves out are not checked; a location id twice in the file is a problem.
 */
export function readCqcRegister(rows: readonly SheetRowValues[]): CqcRegisterReading {
  const kept: CqcLocation[] = [];
  const problems: RowProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const raw = (field: CqcRegisterField) => (row.values[field] ?? '').trim();
    const wanted = isAdultSocialCareLocation({
      careHome: YES.has(raw('careHome').toLowerCase()),
      inspectionCategory: raw('inspectionCategory'),
      inspectionDirectorate: raw('inspectionDirectorate'),
    });
    if (!wanted) {
      continue;
    }
    const read = cqcLocationFromRow(row);
    if (read.problems) {
      problems.push(...read.problems);
      continue;
    }
    const earlier = firstRow.get(read.location.locationId);
    if (earlier !== undefined) {
      problems.push({
        row: row.row,
        field: 'locationId',
        message: `Location ID ${read.location.locationId} is already on row ${earlier}`,
      });
      continue;
    }
    firstRow.set(read.location.locationId, row.row);
    kept.push(read.location);
  }
  return { rows: rows.length, kept, problems };
}
