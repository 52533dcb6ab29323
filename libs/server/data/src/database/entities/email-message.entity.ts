import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

export type EmailMessageKind = 'deadline_reminder' | 'guidance';
/** `sending`: claimed by a worker (until `claimExpiresAt`); the API shows it as queued. */
export type EmailMessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';

/**
 * The outbox: one row per email to send (a reminder per cycle, step and contact; each guidance email),
 * unique by idempotency key, holding its delivery state. The send job's id is the same key.
 */
@Entity({ name: 'email_messages' })
export class EmailMessageEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId!: string | null;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'text' })
  kind!: EmailMessageKind;

  /** The reminder step (days before the deadline); null for guidance. */
  @Column({ name: 'offset_days', type: 'integer', nullable: true })
  offsetDays!: number | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'to_email', type: 'text' })
  toEmail!: string;

  @Column({ name: 'to_name', type: 'text' })
  toName!: string;

  @Column({ name: 'personal_message', type: 'text', nullable: true })
  personalMessage!: string | null;

  /** Guidance only: the open items the adviser chose to list; null lists every open item. */
  @Column({ name: 'question_codes', type: 'text', array: true, nullable: true })
  questionCodes!: string[] | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'text', default: 'queued' })
  status!: EmailMessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ name: 'smtp_message_id', type: 'text', nullable: true })
  smtpMessageId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false })
  createdAt!: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'suppressed_at', type: 'timestamptz', nullable: true })
  suppressedAt!: Date | null;

  /** When the retention job removed its subject and personal message (the delivery record stays). */
  @Column({ name: 'content_removed_at', type: 'timestamptz', nullable: true })
  contentRemovedAt!: Date | null;

  /** The worker process sending it, while `sending`. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt!: Date | null;
}
