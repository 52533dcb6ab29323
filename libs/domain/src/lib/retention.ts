/** How long the portal keeps what it keeps only for a while (docs/privacy.md "Retention"). */
export interface RetentionPolicy {
  /** Days after which an email's content (subject and personal message) is removed. */
  emailBodyDays: number;
  /** Days after which audit events are deleted; null: kept for ever. */
  auditDays: number | null;
}

export interface RetentionCutoffs {
  /** Emails settled (sent, failed or not sent) before this instant lose their content. */
  emailBodiesBefore: Date;
  /** Audit events that happened before this instant are deleted; null: none are. */
  auditEventsBefore: Date | null;
}

/** The shortest audit retention the database accepts (`purge_audit_events` refuses anything later). */
export const AUDIT_RETENTION_MIN_DAYS = 365;

const DAY_MS = 86_400_000;

/** Whole days of 24 hours back from `now`: a run at any hour removes what has been kept that long. */
export function retentionCutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  return {
    emailBodiesBefore: new Date(now.getTime() - policy.emailBodyDays * DAY_MS),
    auditEventsBefore: policy.auditDays === null ? null : new Date(now.getTime() - policy.auditDays * DAY_MS),
  };
}
