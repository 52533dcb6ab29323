/**
 * Who a reminder step emails, as SQL over `providers p` and `provider_contacts c`: active providers of the
 * LSP ($1) with a primary contact who has not unsubscribed, not published at Standards Met or above in the
 * cycle ($2). The planner inserts from it; the preview counts and lists from it.
 */
export const REMINDER_AUDIENCE_SQL = `
  FROM providers p
  JOIN provider_contacts c ON c.provider_id = p.id AND c.is_primary
  WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND c.unsubscribed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM publications pub WHERE pub.provider_id = p.id AND pub.cycle_id = $2::uuid
                    AND pub.level IN ('standards_met', 'standards_exceeded'))`;

/**
 * The outbox key of one reminder: one email per cycle, step and contact, ever. It is also the send job's
 * id, so no ':' (BullMQ keeps those for its own keys).
 */
export function reminderIdempotencyKey(cycleId: string, offsetDays: number, contactId: string): string {
  return `reminder.${cycleId}.${offsetDays}.${contactId}`;
}

/** The same key built in SQL from the audience's columns ($2 cycle, $3 step). */
export const REMINDER_KEY_SQL = `'reminder.' || $2::uuid::text || '.' || $3::int::text || '.' || c.id::text`;
