import { AUDIT_ACTION_WORDS, AUDIT_ACTIONS, type AuditEventView } from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';

/** An action in words (shared with the download); an action newer than this web build shows as its code. */
export function describeAuditAction(action: string): string {
  return isOneOf(AUDIT_ACTIONS, action) ? AUDIT_ACTION_WORDS[action] : action;
}

/**
 * What changed, from the event's before and after states when they say: the person concerned and a role
 * ("jo@example.org: viewer → adviser"). Empty when the event carries nothing readable.
 */
export function describeAuditChange(event: Pick<AuditEventView, 'before' | 'after'>): string {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const who =
    text(after['email']) ?? text(before['email']) ?? text(after['displayName']) ?? text(before['displayName']);
  const beforeRole = text(before['role']);
  const afterRole = text(after['role']);
  const role =
    beforeRole && afterRole && beforeRole !== afterRole ? `${beforeRole} → ${afterRole}` : (afterRole ?? beforeRole);
  return [who, role].filter(Boolean).join(': ');
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
