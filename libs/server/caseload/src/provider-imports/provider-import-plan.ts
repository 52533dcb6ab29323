import type { ContactRole, RowProblem } from '@dspt/domain';
import { hqWithBranchesProblem, isOneOf, parentLinkProblem, PROVIDER_KINDS } from '@dspt/domain';
import { type FieldChanges, fieldChanges, odsCodeTakenMessage, type ProviderFields } from '../providers';
import type { ProviderSheetRow } from './provider-sheet-rows';

/** A provider of the LSP that the file names (as itself or as a branch's HQ). */
export interface ExistingProvider {
  id: string;
  fields: ProviderFields;
  archived: boolean;
  version: number;
}

export interface ExistingContact {
  id: string;
  providerId: string;
  name: string;
  email: string;
  role: ContactRole;
  isPrimary: boolean;
}

/** What the checks need to know of the LSP (and, for codes, of the country). */
export interface LspSnapshot {
  /** By ODS code: the providers of this LSP with a code the file names. */
  existing: ReadonlyMap<string, ExistingProvider>;
  /** Contacts of existing providers the file gives a contact for. */
  contacts: readonly ExistingContact[];
  /** Assignable users (advisers and admins of this LSP) by lower-case email. */
  advisers: ReadonlyMap<string, string>;
  /** For existing HQs the file makes something else: the codes of their branches now. */
  branchesOf: ReadonlyMap<string, readonly string[]>;
  /** New codes already registered in another LSP. */
  takenElsewhere: ReadonlySet<string>;
}

type Contact = { name: string; email: string; role: ContactRole };

export interface ProviderImportPlan {
  creates: Array<{ row: number; fields: ProviderFields; contact?: Contact }>;
  updates: Array<{ row: number; id: string; version: number; fields: ProviderFields; changes: FieldChanges }>;
  /** Existing providers the file leaves as they are. */
  unchanged: number;
  /** New contacts, by the provider's code (new providers have no id yet). */
  contactInserts: Array<{ odsCode: string; contact: Contact; isPrimary: boolean }>;
  contactUpdates: Array<{ before: ExistingContact; after: ExistingContact }>;
}

export type PlanOutcome = { plan: ProviderImportPlan } | { problems: RowProblem[]; onlyTakenCodes: boolean };

function contactAction(
  contact: Contact | undefined,
  provider: ExistingProvider | undefined,
  contacts: readonly ExistingContact[],
): { update?: { before: ExistingContact; after: ExistingContact }; insert?: { contact: Contact; isPrimary: boolean } } {
  if (!contact) {
    return {};
  }
  const own = provider ? contacts.filter((candidate) => candidate.providerId === provider.id) : [];
  const match = own.find((candidate) => candidate.email === contact.email);
  if (!match) {
    return { insert: { contact, isPrimary: !own.some((candidate) => candidate.isPrimary) } };
  }
  const changed = match.name !== contact.name || match.role !== contact.role;
  return changed ? { update: { before: match, after: { ...match, name: contact.name, role: contact.role } } } : {};
}

/**
 * Judges every row against the LSP: a branch's HQ (in the file or already in the LSP), the adviser, an HQ
 * that would leave branches behind, archived providers, codes registered elsewhere. Answers what to write,
 * or every problem found (all or nothing). Re-imports match providers by ODS code and contacts by email.
 */
export function planProviderImport(rows: readonly ProviderSheetRow[], lsp: LspSnapshot): PlanOutcome {
  const problems: RowProblem[] = [];
  const taken: RowProblem[] = [];
  const inFile = new Map(rows.map((row) => [row.fields.odsCode, row]));
  const fileBranches = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.kind === 'branch' && row.fields.parentOdsCode) {
      fileBranches.set(row.fields.parentOdsCode, (fileBranches.get(row.fields.parentOdsCode) ?? 0) + 1);
    }
  }
  const plan: ProviderImportPlan = { creates: [], updates: [], unchanged: 0, contactInserts: [], contactUpdates: [] };

  for (const row of rows) {
    const problem = (field: string, message: string | null) => {
      if (message) {
        problems.push({ row: row.row, field, message });
      }
    };
    const { odsCode, kind, parentOdsCode } = row.fields;
    const current = lsp.existing.get(odsCode);
    if (row.adviserEmail && !lsp.advisers.has(row.adviserEmail)) {
      problem('assigned_adviser_email', `${row.adviserEmail} is not an adviser or admin of this LSP`);
    }
    if (!row.valid && !isOneOf(PROVIDER_KINDS, kind)) {
      continue;
    }
    const parentRow = parentOdsCode ? inFile.get(parentOdsCode) : undefined;
    const parentExisting = parentOdsCode ? lsp.existing.get(parentOdsCode) : undefined;
    const parentKind = (parentRow ?? parentExisting)?.fields.kind;
    const parent =
      kind === 'branch' && parentOdsCode
        ? parentKind
          ? { odsCode: parentOdsCode, kind: parentKind }
          : null
        : undefined;
    problem('parent_ods_code', parentLinkProblem(row.fields, parent, 'parent_ods_code'));
    if (current?.fields.kind === 'hq' && kind !== 'hq') {
      const leftBehind =
        (lsp.branchesOf.get(odsCode) ?? []).filter((branch) => !inFile.has(branch)).length +
        (fileBranches.get(odsCode) ?? 0);
      problem('kind', hqWithBranchesProblem(leftBehind));
    }
    if (!current && lsp.takenElsewhere.has(odsCode)) {
      taken.push({ row: row.row, field: 'ods_code', message: odsCodeTakenMessage(odsCode) });
    }
    const fields: ProviderFields = {
      ...row.fields,
      assignedAdviserId:
        row.adviserEmail === undefined
          ? (current?.fields.assignedAdviserId ?? null)
          : row.adviserEmail === null
            ? null
            : (lsp.advisers.get(row.adviserEmail) ?? null),
      hasCePlus: row.hasCePlus ?? current?.fields.hasCePlus ?? false,
    };
    const contact = contactAction(row.contact, current, lsp.contacts);
    if (!current) {
      plan.creates.push({ row: row.row, fields, ...(row.contact ? { contact: row.contact } : {}) });
    } else {
      const changes = fieldChanges(current.fields, fields);
      if (current.archived && (changes || contact.insert || contact.update)) {
        problem('ods_code', `${odsCode} is archived: unarchive it before importing changes to it`);
      }
      if (changes) {
        plan.updates.push({ row: row.row, id: current.id, version: current.version, fields, changes });
      } else {
        plan.unchanged++;
      }
    }
    if (contact.insert) {
      plan.contactInserts.push({ odsCode, ...contact.insert });
    }
    if (contact.update) {
      plan.contactUpdates.push(contact.update);
    }
  }
  if (problems.length > 0 || taken.length > 0) {
    return { problems: [...problems, ...taken].sort((a, b) => a.row - b.row), onlyTakenCodes: problems.length === 0 };
  }
  return { plan };
}
