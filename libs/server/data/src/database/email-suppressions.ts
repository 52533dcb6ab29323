import { dsptListShowsMetOrAboveSql } from './dspt-list-sql';
/**
 * SQL over `email_suppressions`, each LSP's unsubscribed addresses held as keyed hashes (migration
 * 1764000000032). `key` is the SQL parameter carrying EmailAddressHasher.sqlKey (from EMAIL_HASH_KEY):
 * PostgreSQL hashes the contact's current address with it and looks the hash up in the contact's LSP, so
 * any contact row with that address, old or added since, is covered.
 */

/** When the contact `contact` (a `provider_contacts` alias) unsubscribed from its LSP's emails, or NULL. */
export function contactUnsubscribedAtSql(contact: string, key: string): string {
  return `(SELECT es.unsubscribed_at FROM email_suppressions es
           WHERE es.tenant_id = ${contact}.tenant_id AND es.email_hash = email_address_hash(${contact}.email, ${key}))`;
}

/** True when the contact's address is on its LSP's unsubscribe list. */
export function contactSuppressedSql(contact: string, key: string): string {
  return `EXISTS (SELECT 1 FROM email_suppressions es
                  WHERE es.tenant_id = ${contact}.tenant_id AND es.email_hash = email_address_hash(${contact}.email, ${key}))`;
}

/**
 * True when the provider `provider` (a `providers` alias) has published at Standards Met or above in the cycle
 * `cycle` (an SQL expression for its id), as recorded in the portal or as the DSPT's status list shows it: such a
 * provider gets no more reminders. The one source for the reminder audience, the preview's counts and the
 * sender's re-check.
 */
export function publishedMetOrAboveSql(provider: string, cycle: string): string {
  return `(EXISTS (SELECT 1 FROM publications pub WHERE pub.provider_id = ${provider}.id AND pub.cycle_id = ${cycle}
                   AND pub.level IN ('standards_met', 'standards_exceeded'))
           OR ${dsptListShowsMetOrAboveSql(provider, `(SELECT lc.code FROM assessment_cycles lc WHERE lc.id = ${cycle})`)})`;
}
