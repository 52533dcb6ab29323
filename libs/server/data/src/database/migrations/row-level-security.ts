/**
 * SQL shared by migrations that add tenant-owned tables. Every such table gets the same policy: a row is
 * visible and writable only while `app.tenant_id` (set per transaction by the app) names its tenant.
 */
export const APP_ROLE = 'dspt_app';

/** The tenant set for the current transaction, or NULL when none is set (`set_config` leaves '' behind). */
export const CURRENT_TENANT_SQL = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
/** The signed-in user set for the current transaction, or NULL. */
export const CURRENT_USER_SQL = `nullif(current_setting('app.user_id', true), '')::uuid`;

export function enableTenantIsolation(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_tenant_isolation ON ${table}
       USING (tenant_id = ${CURRENT_TENANT_SQL})
       WITH CHECK (tenant_id = ${CURRENT_TENANT_SQL})`,
  ];
}

export function disableTenantIsolation(table: string): string[] {
  return [
    `DROP POLICY IF EXISTS ${table}_tenant_isolation ON ${table}`,
    `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`,
  ];
}
