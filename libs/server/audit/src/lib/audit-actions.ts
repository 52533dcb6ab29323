/** Every action the audit trail records. A new kind of event is added here first. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.lockout',
  'auth.sign_out',
  'auth.mfa_enrolled',
  'auth.mfa_failed',
  'auth.recovery_code_used',
  'auth.recovery_codes_regenerated',
  'auth.mfa_reset',
  'auth.password_reset_requested',
  'auth.password_reset',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'membership.role_changed',
  'membership.removed',
  'tenant.created',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
