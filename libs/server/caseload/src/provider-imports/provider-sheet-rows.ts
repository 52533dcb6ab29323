import {
  type ContactRole,
  ENGLISH_REGIONS,
  isOneOf,
  odsCodeProblem,
  parseYesNo,
  PROVIDER_KINDS,
  PROVIDER_SHEET_CONTACT_COLUMNS,
  type ProviderSheetColumn,
  repeatTracker,
  type RowProblem,
  type SheetRowValues,
} from '@dspt/domain';
import { DTO_VALIDATION_OPTIONS, validationErrorDetails } from '@dspt/server/platform';
import { CreateProviderDto, type ProviderFields } from '../providers';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** One row of a provider import, in the API's terms, checked on its own (the LSP's data is checked later). */
export interface ProviderSheetRow {
  row: number;
  fields: Omit<ProviderFields, 'assignedAdviserId' | 'hasCePlus'>;
  /** Undefined when the file has no has_ce_plus column: an existing provider keeps its flag, a new one has none. */
  hasCePlus?: boolean;
  /** Lower-case; null for a blank cell (no adviser); undefined when the file has no such column (kept as it is). */
  adviserEmail?: string | null;
  contact?: { name: string; email: string; role: ContactRole };
  /** Whether the row passed every check made here. */
  valid: boolean;
}

/** The API's field names (CreateProviderDto) as the sheet names them, for messages about the row. */
const COLUMN_OF: Record<string, ProviderSheetColumn> = {
  odsCode: 'ods_code',
  name: 'name',
  kind: 'kind',
  parentOdsCode: 'parent_ods_code',
  serviceType: 'service_type',
  sizeBand: 'size_band',
  localAuthority: 'local_authority',
  region: 'region',
  'contacts.0.name': 'contact_name',
  'contacts.0.email': 'contact_email',
  'contacts.0.role': 'contact_role',
};

/** Codes such as `care_home_nursing` in any case; regions by name in any case. */
const code = (value: string | undefined) => (value ?? '').trim().toLowerCase();
const regionName = (value: string | undefined) =>
  ENGLISH_REGIONS.find((region) => region.toLowerCase() === code(value)) ?? value ?? '';

/** class-validator's message names the DTO's property ("email must be…"): name the column instead. */
function asColumnProblem(row: number, field: string, message: string): RowProblem {
  const column = COLUMN_OF[field] ?? field;
  const property = field.split('.').at(-1) ?? field;
  return {
    row,
    field: column,
    message: message.startsWith(property) ? column + message.slice(property.length) : message,
  };
}

function contactOf(
  values: Record<string, string>,
  row: number,
  problems: RowProblem[],
): { name: string; email: string; role: string } | undefined {
  const given = PROVIDER_SHEET_CONTACT_COLUMNS.filter((column) => (values[column] ?? '') !== '');
  if (given.length === 0) {
    return undefined;
  }
  for (const column of PROVIDER_SHEET_CONTACT_COLUMNS.filter((candidate) => !given.includes(candidate))) {
    problems.push({ row, field: column, message: `${column} is empty: a contact needs a name, an email and a role` });
  }
  return {
    name: values['contact_name'] ?? '',
    email: values['contact_email'] ?? '',
    role: code(values['contact_role']),
  };
}

/**
 * Checks each row on its own with the very rules of the create-provider API (CreateProviderDto, the ODS
 * code for its kind), plus what only a file has: codes listed twice, a contact given in part, yes/no.
 * Every row comes back, so the checks against the LSP's data can still name the problems of the rest.
 */
export function readProviderSheetRows(rows: readonly SheetRowValues[]): {
  rows: ProviderSheetRow[];
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const repeated = repeatTracker();
  const parsed = rows.map(({ row, values }): ProviderSheetRow => {
    const before = problems.length;
    const contact = contactOf(values, row, problems);
    const input = {
      odsCode: values['ods_code'] ?? '',
      name: values['name'] ?? '',
      kind: code(values['kind']),
      parentOdsCode: values['parent_ods_code'] || null,
      serviceType: code(values['service_type']),
      sizeBand: code(values['size_band']),
      localAuthority: values['local_authority'] ?? '',
      region: regionName(values['region']),
      ...(contact && problems.length === before ? { contacts: [contact] } : {}),
    };
    const dto = plainToInstance(CreateProviderDto, input);
    const invalid = validationErrorDetails(validateSync(dto, DTO_VALIDATION_OPTIONS));
    problems.push(...invalid.map((detail) => asColumnProblem(row, detail.field, detail.message)));
    if (!invalid.some((detail) => detail.field === 'odsCode')) {
      const codeProblem =
        odsCodeProblem(dto.odsCode, isOneOf(PROVIDER_KINDS, dto.kind) ? dto.kind : 'single_site') ??
        repeated(dto.odsCode, row);
      if (codeProblem) {
        problems.push({ row, field: 'ods_code', message: codeProblem });
      }
    }
    const hasCePlus = 'has_ce_plus' in values ? parseYesNo(values['has_ce_plus']) : undefined;
    if (hasCePlus === null) {
      problems.push({
        row,
        field: 'has_ce_plus',
        message: `has_ce_plus must be yes or no, not "${values['has_ce_plus']}"`,
      });
    }
    const adviser = values['assigned_adviser_email'];
    return {
      row,
      fields: {
        odsCode: dto.odsCode,
        name: dto.name,
        kind: dto.kind,
        parentOdsCode: dto.parentOdsCode ?? null,
        serviceType: dto.serviceType,
        sizeBand: dto.sizeBand,
        localAuthority: dto.localAuthority,
        region: dto.region,
      },
      ...(hasCePlus === null || hasCePlus === undefined ? {} : { hasCePlus }),
      ...(adviser === undefined ? {} : { adviserEmail: adviser === '' ? null : adviser.toLowerCase() }),
      ...(dto.contacts?.[0]
        ? { contact: { name: dto.contacts[0].name, email: dto.contacts[0].email, role: dto.contacts[0].role } }
        : {}),
      valid: problems.length === before,
    };
  });
  return { rows: parsed, problems };
}
