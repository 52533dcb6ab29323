/** The nine English regions, spelt as the import/export contract spells them. */
export const ENGLISH_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];

export function isEnglishRegion(value: unknown): value is EnglishRegion {
  return typeof value === 'string' && (ENGLISH_REGIONS as readonly string[]).includes(value);
}
