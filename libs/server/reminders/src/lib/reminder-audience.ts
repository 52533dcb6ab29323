import { contactSuppressedSql, publishedMetOrAboveSql } from '@dspt/server/data';

/**
 * Who a reminder step emails, as SQL over `providers p` and `provider_contacts c`: active providers of the
 * LSP ($1) with a primary contact whose address is not on the LSP's unsubscribe list, not published at
 * Standards Met or above in the cycle ($2), as the portal records it or as the DSPT status list shows it. `key` is the parameter holding the email hash key (SQL form).
 * The planner inserts from it; the preview counts and lists from it.
 */
export function reminderAudienceSql(key: string): string {
  return `
  FROM providers p
  JOIN provider_contacts c ON c.provider_id = p.id AND c.is_primary
  WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND NOT ${contactSuppressedSql('c', key)}
    AND NOT ${publishedMetOrAboveSql('p', '$2::uuid')}`;
}

/**
 * The outbox key of one reminder: one email per cycle, step and contact, ever. It is also the send job's
 * id, so no ':' (BullMQ keeps those for its own keys).
 */
export function reminderIdempotencyKey(cycleId: string, offsetDays: number, contactId: string): string {
  return `reminder.${cycleId}.${offsetDays}.${contactId}`;
}

/** The same key built in SQL from the audience's columns ($2 cycle, $3 step). */
export const REMINDER_KEY_SQL = `'reminder.' || $2::uuid::text || '.' || $3::int::text || '.' || c.id::text`;
