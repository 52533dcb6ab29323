/** Demo accounts the seed creates (README, DESIGN.md §7). */
export const DEMO_PASSWORD = 'demo-password-2026';
/** The TOTP secret of every demo account seeded with MFA (system admin, programme lead, LSP admins). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const DEMO_LSP_SLUG = 'tyne-and-wear-care-alliance';
/** The LSP whose caseload the caseload test changes (no other test uses it). */
export const CASELOAD_LSP_SLUG = 'greater-manchester-care-digital';
/** The LSP the provider import test adds providers to (no other test uses it). */
export const IMPORT_LSP_SLUG = 'west-yorkshire-care-partnership';

/** The LSP whose reconciliation with the DSPT status list the reconciliation test resolves (no other test uses it). */
export const RECONCILIATION_LSP_SLUG = 'liverpool-city-region-care-forum';

export const demoAccounts = {
  systemAdmin: 'admin@demo.test',
  programmeLead: 'lead@demo.test',
  lspAdmin: `admin@${DEMO_LSP_SLUG}.demo.test`,
  /** Seeded without MFA: with MFA_REQUIRED, their first sign-in sets it up. */
  lspAdviser: `adviser@${DEMO_LSP_SLUG}.demo.test`,
  /** Another LSP's adviser (no MFA either), whose password the password-reset test changes: no other test uses it. */
  otherLspAdviser: 'adviser@durham-and-tees-valley-care-partnership.demo.test',
  /** The adviser of the caseload test's LSP (no MFA: the test sets it up; no other test uses it). */
  caseloadAdviser: `adviser@${CASELOAD_LSP_SLUG}.demo.test`,
  /** The admin of the caseload test's LSP (MFA with the demo secret; a sign-in of its own, under the sign-in throttle). */
  caseloadAdmin: `admin@${CASELOAD_LSP_SLUG}.demo.test`,
  /** The admin of the import test's LSP (MFA with the demo secret; no other test signs in as it). */
  importAdmin: `admin@${IMPORT_LSP_SLUG}.demo.test`,
  /** The admin of the reconciliation test's LSP (MFA with the demo secret; no other test signs in as it). */
  reconciliationAdmin: `admin@${RECONCILIATION_LSP_SLUG}.demo.test`,
} as const;
