import type { ProviderKind } from './provider-fields';

/** ODS codes are stored upper-case, without surrounding spaces. */
export function normaliseOdsCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Why an ODS code cannot identify a provider of this kind, or null when it can. Codes are 3–6 letters or
 * digits; codes starting with 8 are not for DSPT social care. Site codes (single sites, branches) usually
 * are V + 4 characters and organisation/HQ codes A or C + 3 or 4, but "usually" is not "always", so only
 * a V site code given for an HQ is refused.
 */
export function odsCodeProblem(code: string, kind: ProviderKind): string | null {
  if (!/^[A-Z0-9]{3,6}$/.test(code)) {
    return 'ODS code must be 3 to 6 letters or digits';
  }
  if (code.startsWith('8')) {
    return 'ODS codes starting with 8 are not for DSPT social care';
  }
  if (kind === 'hq' && /^V[A-Z0-9]{4}$/.test(code)) {
    return 'This looks like a site code (V + 4 characters): an HQ uses its organisation code';
  }
  return null;
}
