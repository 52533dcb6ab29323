import type { EmailTemplateText } from '@dspt/domain';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import type { EmailMessageKind } from '@dspt/server/data';
import { classifySmtpFailure, MailService } from '@dspt/server/messaging';
import type { SendEmailJobData } from '@dspt/server/platform';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EmailComposer } from './email-composer';
import {
  type CycleQuestions,
  type EmailRenderData,
  loadCycleQuestions,
  type RenderDataRow,
  renderDataSql,
  toRenderData,
} from './email-render-data';
import { suppressionReason } from './email-suppression';
import { MicroBatcher, perGroup } from './micro-batcher';

/** Claims and results gathered for at most this long share one transaction (per LSP). */
const BATCH_WINDOW_MS = 10;
const BATCH_MAX = 100;
/** The cycle's question set is global and changes rarely (never once LSPs have started): kept this long. */
const QUESTIONS_TTL_MS = 60_000;
/** A sent email's record that failed is tried again after 100 ms, doubling up to 5 s, while the claim lasts. */
const RECORD_RETRY_BASE_MS = 100;
const RECORD_RETRY_MAX_MS = 5_000;

/** What became of one send job. */
export type SendOutcome =
  | { outcome: 'skipped' }
  /** Another worker holds the email until `until`: try again then. */
  | { outcome: 'busy'; until: Date }
  | { outcome: 'suppressed'; reason: string }
  | { outcome: 'sent'; smtpMessageId: string }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'failed'; reason: string };

type Claim =
  | {
      kind: 'claimed';
      messageKind: EmailMessageKind;
      idempotencyKey: string;
      personalMessage: string | null;
      questionCodes: string[] | null;
      data: EmailRenderData | null;
      template: EmailTemplateText;
    }
  | { kind: 'skipped' }
  | { kind: 'busy'; until: Date };

interface ClaimRow extends RenderDataRow {
  message_id: string;
  cycle_id: string;
  message_kind: EmailMessageKind;
  idempotency_key: string;
  personal_message: string | null;
  question_codes: string[] | null;
  template_subject: string;
  template_body: string;
}

interface Result {
  tenantId: string;
  messageId: string;
  status: 'sent' | 'queued' | 'failed' | 'suppressed';
  smtpMessageId?: string;
  subject?: string;
  error?: string;
}

/**
 * Sends outbox rows, one send job each. Claims and results of the jobs running at the same moment share
 * a database round trip (MicroBatcher), per LSP:
 *
 * 1. Claim: `UPDATE ... SET status = 'sending', claimed_by = <this process>, claim_expires_at = now() +
 *    MAIL_SEND_LEASE_SECONDS WHERE status = 'queued' (or a dead worker's claim has expired) RETURNING` with
 *    everything the email needs, committed at once. A row someone else holds answers `busy`; a settled row
 *    answers `skipped`: a repeated job (the planner again, Redis emptied) sends nothing.
 * 2. Re-check that the email is still wanted (`suppressed` otherwise), render, send.
 * 3. Record sent / failed (with the reason) / queued again for a retry, only while this process still
 *    holds the claim; the job completes after that commit. Once the relay has accepted an email, a failed
 *    record is tried again (never the email) until it commits or the claim ends.
 *
 * Each LSP's claims and records are a transaction of their own, and settle on their own: one LSP's failed
 * transaction fails only its own jobs.
 *
 * A worker killed mid-send leaves its claims; they expire and the rows go out again (their stalled jobs, or
 * the next planner run). The one case that can repeat an email is a relay that accepted it in the instant
 * before the worker died, before step 3 committed; the Message-ID is fixed by the outbox key, so the
 * receiving side can tell.
 */
@Injectable()
export class EmailSender {
  /** This process, as the holder of its claims. */
  readonly workerId = randomUUID();
  private readonly logger = new Logger(EmailSender.name);
  /**
   * Emails a job of this process has in hand: one job per email at a time, so a row this process holds is
   * in no other job of it, and a job's next try after a failure past the claim (its result not recorded)
   * claims the row again at once instead of waiting out this process' own lease.
   */
  private readonly inHand = new Set<string>();
  private readonly leaseSeconds: number;
  private readonly emailHashKey: Buffer;
  private readonly questions = new Map<string, { at: number; questions: CycleQuestions }>();
  private readonly claims = new MicroBatcher<SendEmailJobData, Claim>(
    (jobs) =>
      perGroup(
        jobs,
        (job) => job.tenantId,
        (group, tenantId) =>
          this.claim(
            tenantId,
            group.map((job) => job.messageId),
          ),
      ),
    BATCH_MAX,
    BATCH_WINDOW_MS,
  );
  private readonly results = new MicroBatcher<Result, void>(
    (results) =>
      perGroup(
        results,
        (result) => result.tenantId,
        (group, tenantId) => this.record(tenantId, group),
      ),
    BATCH_MAX,
    BATCH_WINDOW_MS,
  );

  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailService,
    private readonly composer: EmailComposer,
    config: AppConfigService,
  ) {
    this.leaseSeconds = config.get('MAIL_SEND_LEASE_SECONDS');
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  async send(job: SendEmailJobData, lastAttempt: boolean): Promise<SendOutcome> {
    if (this.inHand.has(job.messageId)) {
      // Another job of this process is sending it (a repeated job): look again once its claim has ended.
      return { outcome: 'busy', until: new Date(Date.now() + this.leaseSeconds * 1000) };
    }
    this.inHand.add(job.messageId);
    try {
      const claimedAt = Date.now();
      const claim = await this.claims.add(job);
      if (claim.kind === 'skipped') {
        return { outcome: 'skipped' };
      }
      if (claim.kind === 'busy') {
        return { outcome: 'busy', until: claim.until };
      }
      return await this.deliver(job, claim, claimedAt, lastAttempt);
    } finally {
      this.inHand.delete(job.messageId);
    }
  }

  private async deliver(
    job: SendEmailJobData,
    claim: Extract<Claim, { kind: 'claimed' }>,
    claimedAt: number,
    lastAttempt: boolean,
  ): Promise<SendOutcome> {
    const base = { tenantId: job.tenantId, messageId: job.messageId };
    const reason = claim.data
      ? suppressionReason(claim.messageKind, claim.data)
      : 'The provider is no longer in this LSP';
    if (!claim.data || reason) {
      await this.results.add({ ...base, status: 'suppressed', error: reason ?? '' });
      return { outcome: 'suppressed', reason: reason ?? '' };
    }
    const { message } = this.composer.compose(claim.data, claim.template, {
      personalMessage: claim.personalMessage,
      questionCodes: claim.questionCodes,
      idempotencyKey: claim.idempotencyKey,
      messageIdDomain: this.mail.messageIdDomain,
    });
    let receipt: { messageId: string };
    try {
      receipt = await this.mail.send(message);
    } catch (error) {
      const failure = classifySmtpFailure(error);
      if (failure.kind === 'transient' && !lastAttempt) {
        await this.results.add({ ...base, status: 'queued', subject: message.subject, error: failure.reason });
        return { outcome: 'retry', reason: failure.reason };
      }
      const why = failure.kind === 'transient' ? `${failure.reason} (gave up after repeated tries)` : failure.reason;
      await this.results.add({ ...base, status: 'failed', subject: message.subject, error: why });
      return { outcome: 'failed', reason: why };
    }
    // The relay has the email: from here a database error must never send it again, so the record is
    // tried until it commits, for as long as the claim lasts (no other worker can take the row before).
    await this.recordSent(
      { ...base, status: 'sent', smtpMessageId: receipt.messageId, subject: message.subject },
      claimedAt + this.leaseSeconds * 1000,
    );
    return { outcome: 'sent', smtpMessageId: receipt.messageId };
  }

  private async recordSent(result: Result, claimEndsAt: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.results.add(result);
        return;
      } catch (error) {
        const pause = Math.min(RECORD_RETRY_BASE_MS * 2 ** (attempt - 1), RECORD_RETRY_MAX_MS);
        if (Date.now() + pause >= claimEndsAt) {
          throw error;
        }
        this.logger.warn(
          `Email ${result.messageId} was sent but could not be recorded (try ${attempt}): ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  private claim(tenantId: string, messageIds: string[]): Promise<Claim[]> {
    return this.database.inTenant(tenantId, async (manager) => {
      const rows: ClaimRow[] = await manager.query(
        `WITH claimed AS (
           UPDATE email_messages m
           SET status = 'sending', attempts = m.attempts + 1, last_attempt_at = now(), claimed_by = $2,
               claim_expires_at = now() + make_interval(secs => $3)
           WHERE m.id = ANY($1::uuid[]) AND m.tenant_id = $4
             AND (m.status = 'queued' OR (m.status = 'sending' AND m.claim_expires_at < now())
                  OR (m.status = 'sending' AND m.claimed_by = $2))
           RETURNING m.id, m.tenant_id, m.provider_id, m.contact_id, m.cycle_id, m.kind, m.idempotency_key, m.personal_message, m.question_codes, m.requested_by
         )
         SELECT m.id AS message_id, m.cycle_id, m.kind AS message_kind, m.idempotency_key, m.personal_message, m.question_codes,
                coalesce(own.subject, g.subject) AS template_subject, coalesce(own.body, g.body) AS template_body, r.*
         FROM claimed m
         JOIN email_templates g ON g.key = m.kind
         LEFT JOIN tenant_email_templates own ON own.key = m.kind AND own.tenant_id = m.tenant_id
         LEFT JOIN LATERAL (${renderDataSql({
           tenantId: 'm.tenant_id',
           providerId: 'm.provider_id',
           cycleId: 'm.cycle_id',
           contactId: 'm.contact_id',
           adviserId: `CASE WHEN m.kind = 'guidance' THEN m.requested_by ELSE p.assigned_adviser_id END`,
           emailHashKey: '$5',
         })}) r ON true`,
        [messageIds, this.workerId, this.leaseSeconds, tenantId, this.emailHashKey],
      );
      const claimed = new Map(rows.map((row) => [row.message_id, row]));
      const questions = new Map<string, CycleQuestions>();
      for (const cycleId of new Set(rows.map((row) => row.cycle_id))) {
        questions.set(cycleId, await this.cycleQuestions(manager, cycleId));
      }
      const others = messageIds.filter((id) => !claimed.has(id));
      const held: Array<{ id: string; claim_expires_at: Date }> =
        others.length > 0
          ? await manager.query(
              `SELECT id, claim_expires_at FROM email_messages WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
              [others],
            )
          : [];
      const busyUntil = new Map(held.map((row) => [row.id, new Date(row.claim_expires_at)]));
      // Two jobs for one email in the same batch (a repeated job): only the first gets the claim; the other
      // has nothing to do (if the first fails, the first's own job tries again).
      const handedOut = new Set<string>();
      return messageIds.map((id): Claim => {
        const row = handedOut.has(id) ? undefined : claimed.get(id);
        if (row) {
          handedOut.add(id);
          return {
            kind: 'claimed',
            messageKind: row.message_kind,
            idempotencyKey: row.idempotency_key,
            personalMessage: row.personal_message,
            questionCodes: row.question_codes,
            data: row.provider_id ? toRenderData(row, questions.get(row.cycle_id) ?? []) : null,
            template: { subject: row.template_subject, body: row.template_body },
          };
        }
        const until = busyUntil.get(id);
        return until ? { kind: 'busy', until } : { kind: 'skipped' };
      });
    });
  }

  private async cycleQuestions(manager: EntityManager, cycleId: string): Promise<CycleQuestions> {
    const cached = this.questions.get(cycleId);
    if (cached && Date.now() - cached.at < QUESTIONS_TTL_MS) {
      return cached.questions;
    }
    const questions = await loadCycleQuestions(manager, cycleId);
    this.questions.set(cycleId, { at: Date.now(), questions });
    return questions;
  }

  private async record(tenantId: string, results: Result[]): Promise<void[]> {
    await this.database.inTenant(tenantId, (manager) =>
      manager.query(
        `UPDATE email_messages m
         SET status = u.status,
             sent_at = CASE WHEN u.status = 'sent' THEN now() ELSE m.sent_at END,
             failed_at = CASE WHEN u.status = 'failed' THEN now() ELSE m.failed_at END,
             suppressed_at = CASE WHEN u.status = 'suppressed' THEN now() ELSE m.suppressed_at END,
             smtp_message_id = coalesce(u.smtp_message_id, m.smtp_message_id),
             subject = coalesce(u.subject, m.subject),
             last_error = u.error,
             claimed_by = NULL, claim_expires_at = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, status, smtp_message_id, subject, error)
         WHERE m.id = u.id AND m.tenant_id = $6 AND m.status = 'sending' AND m.claimed_by = $7`,
        [
          results.map((result) => result.messageId),
          results.map((result) => result.status),
          results.map((result) => result.smtpMessageId ?? null),
          results.map((result) => result.subject ?? null),
          results.map((result) => result.error ?? null),
          tenantId,
          this.workerId,
        ],
      ),
    );
    return results.map(() => undefined);
  }
}
