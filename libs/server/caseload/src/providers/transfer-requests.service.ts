import type { LspNameList, TransferRequestList, TransferRequestView } from '@dspt/contracts';
import {
  TRANSFER_ACTION_OUTCOME,
  type TransferRequestAction,
  transferRequestRefusal,
  type TransferRequestSide,
  type TransferRequestStatus,
  Conflict,
  NotAllowed,
  NotFound,
  Unprocessable,
  invalidField,
} from '@dspt/domain';
import {
  AuditService,
  TenantEntity,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import {
  NOTIFICATION_JOBS,
  QUEUES,
  type TransferRequestEmailJobData,
  transferRequestEmailJobOptions,
  type TransferRequestEvent,
} from '@dspt/server/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { ProviderTransferService } from './provider-transfer.service';
import type { TransferRequestDto, TransferRequestQueryDto } from './transfer-requests.dto';

interface RequestRow {
  id: string;
  status: TransferRequestStatus;
  from_tenant_id: string;
  to_tenant_id: string;
  provider_id: string;
  ods_code: string;
  provider_name: string;
  branch_count: number;
  note: string;
  decline_reason: string | null;
  requested_at: Date;
  answered_at: Date | null;
  version: number;
  from_slug: string;
  from_name: string;
  to_slug: string;
  to_name: string;
  requested_by_name: string | null;
  answered_by_name: string | null;
}

/** The requests with both LSPs' names and the names of who asked and who answered. */
const selectFrom = (source: string) => `
  SELECT r.id, r.status, r.from_tenant_id, r.to_tenant_id, r.provider_id, r.ods_code, r.provider_name, r.branch_count,
         r.note, r.decline_reason, r.requested_at, r.answered_at, r.version,
         f.slug AS from_slug, f.name AS from_name, t.slug AS to_slug, t.name AS to_name,
         asker.display_name AS requested_by_name, answerer.display_name AS answered_by_name
  FROM ${source} r
  JOIN tenants f ON f.id = r.from_tenant_id
  JOIN tenants t ON t.id = r.to_tenant_id
  LEFT JOIN users asker ON asker.id = r.requested_by
  LEFT JOIN users answerer ON answerer.id = r.answered_by`;
const SELECT_VISIBLE = selectFrom('provider_transfer_requests');
const SELECT_PROGRAMME = selectFrom('programme_transfer_requests()');

/** The most requests one list answers: an LSP sees a few a month. */
const LIST_LIMIT = 200;

function view(row: RequestRow, readerTenantId: string | null): TransferRequestView {
  return {
    id: row.id,
    status: row.status,
    direction: readerTenantId === null ? null : row.to_tenant_id === readerTenantId ? 'incoming' : 'outgoing',
    provider: { id: row.provider_id, odsCode: row.ods_code, name: row.provider_name, branchCount: row.branch_count },
    from: { slug: row.from_slug, name: row.from_name },
    to: { slug: row.to_slug, name: row.to_name },
    note: row.note,
    declineReason: row.decline_reason,
    requestedBy: row.requested_by_name,
    requestedAt: row.requested_at.toISOString(),
    answeredBy: row.answered_by_name,
    answeredAt: row.answered_at?.toISOString() ?? null,
    version: row.version,
  };
}

/**
 * Moving a provider between LSPs as a request and an answer (rules in @dspt/domain transfer-requests).
 * A request is a row both LSPs see under row-level security; the receiving LSP reads only the provider's
 * name, ODS code and branch count, copied into the request, until it accepts. Accepting runs the same
 * move as a system admin's transfer (`ProviderTransferService.move`), in the transaction that marks the
 * request accepted, so the provider never moves without its request saying so, nor the other way round.
 * Once committed, the worker emails the admins of the LSP that should answer, or that asked.
 */
@Injectable()
export class TransferRequestsService {
  private readonly logger = new Logger(TransferRequestsService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly transfers: ProviderTransferService,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue<TransferRequestEmailJobData>,
  ) {}

  /** Every other LSP, for the picker of where to offer a provider. */
  otherLsps(): Promise<LspNameList> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => ({
      items: await manager.query(`SELECT slug, name FROM tenants WHERE id <> $1 ORDER BY name, slug`, [tenant.id]),
    }));
  }

  list(query: TransferRequestQueryDto): Promise<TransferRequestList> {
    return this.database.inCurrentTenant((manager) => this.listIn(manager, query));
  }

  /** As `list`, in the caller's transaction. */
  async listIn(manager: EntityManager, query: TransferRequestQueryDto): Promise<TransferRequestList> {
    const tenant = requireTenantContext();
    // $1 appears in every query, so PostgreSQL knows its type even when no filter names it.
    const conditions: string[] = ['$1::uuid IS NOT NULL'];
    const values: unknown[] = [tenant.id];
    if (query.direction) {
      conditions.push(query.direction === 'incoming' ? 'r.to_tenant_id = $1' : 'r.from_tenant_id = $1');
    }
    if (query.status) {
      values.push(query.status);
      conditions.push(`r.status = $${values.length}`);
    }
    if (query.providerId) {
      values.push(query.providerId);
      conditions.push(`r.provider_id = $${values.length}`);
    }
    const rows: RequestRow[] = await manager.query(
      `${SELECT_VISIBLE} WHERE ${conditions.join(' AND ')} ORDER BY r.requested_at DESC LIMIT ${LIST_LIMIT}`,
      values,
    );
    const [{ waiting }] = await manager.query(
      `SELECT count(*)::int AS waiting FROM provider_transfer_requests WHERE to_tenant_id = $1 AND status = 'pending'`,
      [tenant.id],
    );
    return { items: rows.map((row) => view(row, tenant.id)), waiting };
  }

  /** A system admin's list: every LSP's requests, waiting ones first. */
  listAll(): Promise<TransferRequestList> {
    return this.database.outsideTenants(async (manager) => {
      const rows: RequestRow[] = await manager.query(
        `${SELECT_PROGRAMME} ORDER BY r.status <> 'pending', r.requested_at DESC LIMIT ${LIST_LIMIT}`,
      );
      return {
        items: rows.map((row) => view(row, null)),
        waiting: rows.filter((row) => row.status === 'pending').length,
      };
    });
  }

  /** The LSP that holds the provider offers it (an HQ with its branches) to another LSP. */
  async create(providerId: string, input: TransferRequestDto): Promise<TransferRequestView> {
    const tenant = requireTenantContext();
    const user = requireSignedInUser();
    const created = await this.database.inCurrentTenant(async (manager) => {
      const [provider]: Array<{
        ods_code: string;
        name: string;
        kind: string;
        hq_ods_code: string | null;
        branches: number;
      }> = await manager.query(
        `SELECT p.ods_code, p.name, p.kind, hq.ods_code AS hq_ods_code,
                  (SELECT count(*)::int FROM providers b WHERE b.parent_id = p.id) AS branches
           FROM providers p LEFT JOIN providers hq ON hq.id = p.parent_id WHERE p.id = $1 FOR UPDATE OF p`,
        [providerId],
      );
      if (!provider) {
        throw new NotFound('No such provider in this LSP');
      }
      const to = await manager.findOneBy(TenantEntity, { slug: input.toTenantSlug });
      if (!to) {
        throw invalidField('toTenantSlug', `No LSP has the slug ${input.toTenantSlug}`);
      }
      if (to.id === tenant.id) {
        throw invalidField('toTenantSlug', 'The provider is already in this LSP: choose another LSP');
      }
      if (provider.kind === 'branch') {
        throw new Unprocessable(
          `${provider.ods_code} is a branch of ${provider.hq_ods_code}: a branch moves with its HQ, so offer ${provider.hq_ods_code} and its branches go with it`,
        );
      }
      const waiting: Array<{ to_name: string }> = await manager.query(
        `SELECT t.name AS to_name FROM provider_transfer_requests r JOIN tenants t ON t.id = r.to_tenant_id
         WHERE r.provider_id = $1 AND r.status = 'pending'`,
        [providerId],
      );
      if (waiting.length > 0) {
        throw new Conflict(`${provider.name} is already offered to ${waiting[0].to_name}: cancel that request first`);
      }
      const [{ id }] = await manager.query(
        `INSERT INTO provider_transfer_requests
           (from_tenant_id, to_tenant_id, provider_id, ods_code, provider_name, branch_count, note, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [tenant.id, to.id, providerId, provider.ods_code, provider.name, provider.branches, input.note, user.id],
      );
      const request = await this.readVisible(manager, id);
      await this.recordInBoth(manager, request, 'provider.transfer_requested', { note: input.note });
      await this.database.switchTenant(manager, tenant.id);
      return view(request, tenant.id);
    });
    await this.notify(created.id, 'requested');
    return created;
  }

  /** An answer from inside an LSP: its side is the one the request names it on. */
  async answer(requestId: string, action: TransferRequestAction, input: { version: number; reason?: string }) {
    const tenant = requireTenantContext();
    const answered = await this.database.inCurrentTenant(async (manager) => {
      const request = await this.lockVisible(manager, requestId);
      const side: TransferRequestSide = request.from_tenant_id === tenant.id ? 'from' : 'to';
      await this.apply(manager, request, side, action, input);
      await this.database.switchTenant(manager, tenant.id);
      return view(await this.readVisible(manager, requestId), tenant.id);
    });
    await this.notifyAnswer(answered, action);
    return answered;
  }

  /** A system admin's answer: read through `programme_transfer_requests()`, then done inside the receiving LSP. */
  async answerAsProgramme(
    requestId: string,
    action: TransferRequestAction,
    input: { version: number; reason?: string },
  ) {
    const answered = await this.database.outsideTenants(async (manager) => {
      const [found]: Array<{ to_tenant_id: string }> = await manager.query(
        `SELECT to_tenant_id FROM programme_transfer_requests() WHERE id = $1`,
        [requestId],
      );
      if (!found) {
        throw new NotFound('No such transfer request');
      }
      await this.database.switchTenant(manager, found.to_tenant_id);
      const request = await this.lockVisible(manager, requestId);
      await this.apply(manager, request, 'programme', action, input);
      await this.database.switchTenant(manager, found.to_tenant_id);
      return view(await this.readVisible(manager, requestId), null);
    });
    await this.notifyAnswer(answered, action);
    return answered;
  }

  /** The asking LSP hears of an accept or a decline; a cancel is its own (or the programme's) doing. */
  private async notifyAnswer(request: TransferRequestView, action: TransferRequestAction): Promise<void> {
    if (action !== 'cancel') {
      await this.notify(request.id, 'answered');
    }
  }

  /**
   * Queues the email after the commit, so the worker reads what was saved. The answer is saved either
   * way: a queue that cannot be reached costs the email, not the request, and is logged.
   */
  private async notify(requestId: string, event: TransferRequestEvent): Promise<void> {
    const data = { requestId, event };
    try {
      await this.notifications.add(NOTIFICATION_JOBS.transferRequestEmail, data, transferRequestEmailJobOptions(data));
    } catch (error) {
      this.logger.warn(`Transfer request ${requestId}: the ${event} email was not queued: ${(error as Error).message}`);
    }
  }

  /** Checks the answer against the rules and the version, then records it (and, to accept, moves the provider). */
  private async apply(
    manager: EntityManager,
    request: RequestRow,
    side: TransferRequestSide,
    action: TransferRequestAction,
    input: { version: number; reason?: string },
  ): Promise<void> {
    const refusal = transferRequestRefusal(request.status, side, action);
    if (refusal) {
      throw refusal.kind === 'wrong_side' ? new NotAllowed(refusal.message) : new Conflict(refusal.message);
    }
    if (request.version !== input.version) {
      throw new Conflict('This request changed since you opened it: reload it and answer again');
    }
    const user = requireSignedInUser();
    const reason = action === 'decline' ? (input.reason ?? null) : null;
    if (action === 'accept') {
      await this.moveProvider(manager, request, user.id);
    }
    await this.database.switchTenant(manager, request.to_tenant_id);
    await manager.query(
      `UPDATE provider_transfer_requests
       SET status = $2, decline_reason = $3, answered_by = $4, answered_at = now(), version = version + 1
       WHERE id = $1`,
      [request.id, TRANSFER_ACTION_OUTCOME[action], reason, user.id],
    );
    if (action !== 'accept') {
      await this.recordInBoth(
        manager,
        request,
        action === 'decline' ? 'provider.transfer_declined' : 'provider.transfer_cancelled',
        reason ? { reason } : {},
      );
    }
  }

  /**
   * The provider as the offering LSP holds it now (its ODS code may have been corrected since the
   * request), then the move outside any LSP, as `transfer_provider` requires.
   */
  private async moveProvider(manager: EntityManager, request: RequestRow, acceptedBy: string): Promise<void> {
    const gone = new Conflict(
      `${request.provider_name} is no longer in ${request.from_name}: the request cannot be accepted`,
    );
    await this.database.switchTenant(manager, request.from_tenant_id);
    const [provider]: Array<{ ods_code: string }> = await manager.query(
      `SELECT ods_code FROM providers WHERE id = $1`,
      [request.provider_id],
    );
    if (!provider) {
      throw gone;
    }
    const to = await manager.findOneByOrFail(TenantEntity, { id: request.to_tenant_id });
    await this.database.leaveTenant(manager);
    await this.transfers.move(manager, provider.ods_code, to, {
      reason: request.note,
      requestId: request.id,
      requestedBy: request.requested_by_name,
      acceptedBy,
    });
  }

  private async lockVisible(manager: EntityManager, requestId: string): Promise<RequestRow> {
    const [locked] = await manager.query(`SELECT id FROM provider_transfer_requests WHERE id = $1 FOR UPDATE`, [
      requestId,
    ]);
    if (!locked) {
      throw new NotFound('No such transfer request for this LSP');
    }
    return this.readVisible(manager, requestId);
  }

  private async readVisible(manager: EntityManager, requestId: string): Promise<RequestRow> {
    const [row]: RequestRow[] = await manager.query(`${SELECT_VISIBLE} WHERE r.id = $1`, [requestId]);
    return row;
  }

  /** The event goes into both LSPs' trails, each written inside its LSP as row-level security requires. */
  private async recordInBoth(
    manager: EntityManager,
    request: RequestRow,
    action: 'provider.transfer_requested' | 'provider.transfer_declined' | 'provider.transfer_cancelled',
    extra: Record<string, string>,
  ): Promise<void> {
    for (const tenantId of [request.from_tenant_id, request.to_tenant_id]) {
      await this.database.switchTenant(manager, tenantId);
      await this.audit.record(
        {
          action,
          tenantId,
          // About the provider, so erasing it later blanks these details as it does its other events.
          target: { type: 'provider', id: request.provider_id },
          after: {
            requestId: request.id,
            odsCode: request.ods_code,
            name: request.provider_name,
            from: { slug: request.from_slug, name: request.from_name },
            to: { slug: request.to_slug, name: request.to_name },
            ...extra,
          },
        },
        manager,
      );
    }
  }
}
