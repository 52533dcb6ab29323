import type { AuditEventFilters, AuditEventView } from '@dspt/contracts';
import { AuditEventEntity } from '../database';
import { currentRequestContext, requireTenantContext, ScopedDatabase } from '../tenancy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from './audit-actions';

export interface AuditEventInput {
  action: AuditAction;
  /** Null for events outside any LSP. */
  tenantId: string | null;
  /** Defaults to the signed-in user of the request. */
  actorUserId?: string | null;
  target?: { type: string; id: string };
  before?: object;
  after?: object;
}

interface AuditListRow {
  id: string;
  occurred_at: Date;
  action: string;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  before: object | null;
  after: object | null;
  ip: string | null;
}

type AuditRow = Pick<
  AuditEventEntity,
  'tenantId' | 'actorUserId' | 'action' | 'targetType' | 'targetId' | 'before' | 'after' | 'ip'
>;

/** Appends to the audit trail. The request's IP address and signed-in user are taken from its context. */
@Injectable()
export class AuditService {
  constructor(private readonly database: ScopedDatabase) {}

  /**
   * One page of the current LSP's trail, newest first, with how many events match; row-level security
   * keeps it to that LSP. Every filter is optional (see `AuditEventFilters`).
   */
  async search(
    filters: AuditEventFilters,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditEventView[]; total: number }> {
    const { where, params } = auditWhere(filters);
    return this.database.inCurrentTenant(async (manager) => {
      const total = await countAuditEvents(manager, where, params);
      const rows: AuditListRow[] = await manager.query(
        `${AUDIT_SELECT} ${where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      );
      return { items: rows.map(toView), total };
    });
  }

  /**
   * Every event the filters select, newest first, for a download; nothing is read when more than `limit`
   * match (the caller refuses). The download itself is recorded in the trail, in the same transaction.
   */
  async exportForCurrentTenant(
    filters: AuditEventFilters,
    limit: number,
  ): Promise<{ items: AuditEventView[]; total: number }> {
    const tenant = requireTenantContext();
    const { where, params } = auditWhere(filters);
    return this.database.inCurrentTenant(async (manager) => {
      const total = await countAuditEvents(manager, where, params);
      if (total > limit) {
        return { items: [], total };
      }
      const rows: AuditListRow[] = await manager.query(
        `${AUDIT_SELECT} ${where} ORDER BY e.occurred_at DESC, e.id DESC`,
        params,
      );
      const after = { events: rows.length, filters: { ...filters } };
      await insertAuditRows(manager, [
        toRow({ action: 'audit.exported', tenantId: tenant.id, target: { type: 'tenant', id: tenant.id }, after }),
      ]);
      return { items: rows.map(toView), total };
    });
  }

  /**
   * Pass the transaction's manager to record the event atomically with the change it describes; without
   * one, the event is written in a transaction of its own.
   */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    const row = toRow(event);
    if (manager) {
      await insertAuditRows(manager, [row]);
      return;
    }
    await this.database.run({ tenantId: event.tenantId }, (scoped) => insertAuditRows(scoped, [row]));
  }

  /**
   * Deletes the audit events that happened before `before`, in every LSP and outside any, and answers how
   * many. The app role may only read and append to the trail: this goes through `purge_audit_events`
   * (SECURITY DEFINER, executable by the app role only), which refuses any instant within the last 365
   * days, so no bug or injected query can empty the recent trail.
   */
  async purgeBefore(before: Date): Promise<number> {
    const [row]: Array<{ removed: string }> = await this.database.outsideTenants((manager) =>
      manager.query(`SELECT purge_audit_events($1)::text AS removed`, [before]),
    );
    return Number(row.removed);
  }

  /** Many events in one statement per thousand (bulk imports), in the caller's transaction. */
  async recordMany(events: readonly AuditEventInput[], manager: EntityManager): Promise<void> {
    const rows = events.map(toRow);
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      await insertAuditRows(manager, rows.slice(start, start + BATCH_SIZE));
    }
  }
}

const BATCH_SIZE = 1_000;

const AUDIT_SELECT = `SELECT e.id, e.occurred_at, e.action, u.email AS actor_email, e.target_type, e.target_id, e.before, e.after,
       host(e.ip) AS ip
FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id`;

async function countAuditEvents(manager: EntityManager, where: string, params: unknown[]): Promise<number> {
  const [row]: Array<{ total: number }> = await manager.query(
    `SELECT count(*)::int AS total FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id ${where}`,
    params,
  );
  return row.total;
}

/**
 * The WHERE clause of an audit search, with its parameters. Days are Europe/London days, both ends
 * included; the actor's text is matched literally (LIKE's wildcards escaped).
 */
function auditWhere(filters: AuditEventFilters): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.from) {
    conditions.push(`e.occurred_at >= (${param(filters.from)}::date)::timestamp AT TIME ZONE 'Europe/London'`);
  }
  if (filters.to) {
    conditions.push(`e.occurred_at < (${param(filters.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`);
  }
  if (filters.action) {
    conditions.push(`e.action = ${param(filters.action)}`);
  }
  const actor = filters.actor?.trim();
  if (actor) {
    conditions.push(`u.email ILIKE '%' || ${param(actor.replace(/[\\%_]/g, (character) => `\\${character}`))} || '%'`);
  }
  if (filters.providerId) {
    const id = param(filters.providerId.toLowerCase());
    conditions.push(
      `((e.target_type = 'provider' AND e.target_id = ${id})
        OR (e.target_type = 'provider_contact' AND coalesce(e.after, e.before)->>'providerId' = ${id}))`,
    );
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

function toView(row: AuditListRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    action: row.action,
    actorEmail: row.actor_email,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before,
    after: row.after,
    ip: row.ip,
  };
}

function toRow(event: AuditEventInput): AuditRow {
  const context = currentRequestContext();
  return {
    action: event.action,
    tenantId: event.tenantId,
    actorUserId: event.actorUserId === undefined ? (context?.user?.id ?? null) : event.actorUserId,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: normaliseIp(context?.ip ?? null),
  };
}

/**
 * Plain INSERT without RETURNING: PostgreSQL would check the returned row against the SELECT policy too,
 * and events outside any tenant are deliberately unreadable through the app's role.
 */
async function insertAuditRows(manager: EntityManager, rows: readonly AuditRow[]): Promise<void> {
  const json = (value: object | null) => (value === null ? null : JSON.stringify(value));
  // clock_timestamp() per row keeps the events' order; unnest keeps one statement for the whole batch.
  await manager.query(
    `INSERT INTO audit_events (tenant_id, actor_user_id, action, target_type, target_id, before, after, ip)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::inet[])`,
    [
      rows.map((row) => row.tenantId),
      rows.map((row) => row.actorUserId),
      rows.map((row) => row.action),
      rows.map((row) => row.targetType),
      rows.map((row) => row.targetId),
      rows.map((row) => json(row.before)),
      rows.map((row) => json(row.after)),
      rows.map((row) => row.ip),
    ],
  );
}

/** Express reports IPv4 clients of a dual-stack socket as `::ffff:1.2.3.4`; store the plain address. */
function normaliseIp(ip: string | null): string | null {
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}
