import type { AuditEventView } from '@dspt/contracts';

/** The audit trail's actions in words; an action added on the server later shows as its code until named here. */
const ACTION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.lockout': 'Sign-in locked after too many attempts',
  'auth.sign_out': 'Signed out',
  'auth.mfa_enrolled': 'Set up two-factor authentication',
  'auth.mfa_failed': 'Entered a wrong security code',
  'auth.recovery_code_used': 'Signed in with a recovery code',
  'auth.recovery_codes_regenerated': 'Made new recovery codes',
  'auth.mfa_reset': 'Reset two-factor authentication',
  'invitation.created': 'Invited a user',
  'invitation.revoked': 'Revoked an invitation',
  'invitation.accepted': 'Accepted an invitation',
  'membership.role_changed': 'Changed a role',
  'membership.removed': 'Removed a user',
  'tenant.created': 'Created the LSP',
};

export function describeAuditAction(action: string): string {
  return ACTION_DESCRIPTIONS[action] ?? action;
}

/**
 * What changed, from the event's before and after states when they say: the person concerned and a role
 * ("jo@example.org: viewer → adviser"). Empty when the event carries nothing readable.
 */
export function describeAuditChange(event: Pick<AuditEventView, 'before' | 'after'>): string {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const who = text(after['email']) ?? text(before['email']) ?? text(after['displayName']) ?? text(before['displayName']);
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
