// The list is shared with the web (its words for each action), so it lives in the contracts.
export { AUDIT_ACTIONS, type AuditAction } from '@dspt/contracts';
