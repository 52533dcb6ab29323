/** Provider attributes, spelt as the import/export contract (DESIGN.md §7) and the API spell them. */
export const PROVIDER_KINDS = ['single_site', 'hq', 'branch'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const SERVICE_TYPES = [
  'care_home_nursing',
  'care_home_residential',
  'homecare',
  'supported_living',
  'day_care',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** How screens, statistics and exports name each service type. */
export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  care_home_nursing: 'Care home (nursing)',
  care_home_residential: 'Care home (residential)',
  homecare: 'Homecare',
  supported_living: 'Supported living',
  day_care: 'Day care',
  other: 'Other service',
};

/** Staff head-count bands: micro 1–9, small 10–49, medium 50–249, large 250+. */
export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const SIZE_BAND_LABELS: Readonly<Record<SizeBand, string>> = {
  micro: 'Micro (1 to 9 staff)',
  small: 'Small (10 to 49 staff)',
  medium: 'Medium (50 to 249 staff)',
  large: 'Large (250 or more staff)',
};

export const CONTACT_ROLES = ['dspt_admin', 'registered_manager', 'owner', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** How an adviser was in touch with a provider, or a plain note. */
export const CASE_NOTE_KINDS = ['call', 'email', 'meeting', 'visit', 'note'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];
