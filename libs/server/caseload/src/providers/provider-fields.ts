import type { StaleEditDetail } from '@dspt/contracts';
import type { ProviderKind, ServiceType, SizeBand } from '@dspt/domain';

/** A provider's editable fields, as the API names them (PATCH takes any subset of these). */
export interface ProviderFields {
  odsCode: string;
  name: string;
  kind: ProviderKind;
  parentOdsCode: string | null;
  serviceType: ServiceType;
  sizeBand: SizeBand;
  localAuthority: string;
  region: string;
  assignedAdviserId: string | null;
  hasCePlus: boolean;
}

export const PROVIDER_FIELD_NAMES = [
  'odsCode',
  'name',
  'kind',
  'parentOdsCode',
  'serviceType',
  'sizeBand',
  'localAuthority',
  'region',
  'assignedAdviserId',
  'hasCePlus',
] as const satisfies ReadonlyArray<keyof ProviderFields>;

export interface FieldChanges {
  before: Partial<ProviderFields>;
  after: Partial<ProviderFields>;
}

/** The fields an edit would change, with their old and new values (for the audit trail); null when none. */
export function fieldChanges(current: ProviderFields, next: ProviderFields): FieldChanges | null {
  const changed = PROVIDER_FIELD_NAMES.filter((field) => current[field] !== next[field]);
  if (changed.length === 0) {
    return null;
  }
  const pick = (fields: ProviderFields) =>
    Object.fromEntries(changed.map((field) => [field, fields[field]])) as Partial<ProviderFields>;
  return { before: pick(current), after: pick(next) };
}

/**
 * The requested edit applied to the current fields. A provider that stops being a branch leaves its HQ
 * unless the edit names one (which the checks then refuse).
 */
export function mergeFields(current: ProviderFields, requested: Partial<ProviderFields>): ProviderFields {
  const defined = Object.fromEntries(
    Object.entries(requested).filter(([, value]) => value !== undefined),
  ) as Partial<ProviderFields>;
  const next = { ...current, ...defined };
  if (defined.kind && defined.kind !== 'branch' && defined.parentOdsCode === undefined) {
    next.parentOdsCode = null;
  }
  return next;
}

/** One audited change to a provider: the `after` of its audit event (which carries the new `version`). */
export interface ProviderHistoryEntry {
  after: Record<string, unknown> | null;
  actor: string | null;
}

/**
 * What a stale edit missed: every field changed by a later version than the one the edit started from,
 * with its value now and who changed it last. `current` holds the provider's fields as they are now.
 */
export function staleEditDetails(
  history: ProviderHistoryEntry[],
  sinceVersion: number,
  current: Record<string, unknown>,
): StaleEditDetail[] {
  const lastActor = new Map<string, string | null>();
  for (const entry of history) {
    const version = entry.after?.['version'];
    if (typeof version !== 'number' || version <= sinceVersion) {
      continue;
    }
    for (const field of Object.keys(entry.after ?? {})) {
      if (field !== 'version' && field in current) {
        lastActor.set(field, entry.actor);
      }
    }
  }
  return [...lastActor].map(([field, actor]) => ({
    field,
    message: `${field} was changed by ${actor ?? 'someone else'} after you opened this provider`,
    current: current[field],
  }));
}
