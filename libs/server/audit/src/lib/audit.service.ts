import type { AuditEventView } from '@dspt/contracts';
import { AuditEventEntity } from '@dspt/server/database';
import { currentRequestContext, ScopedDatabase } from '@dspt/server/tenancy';
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

type AuditRow = Pick<AuditEventEntity, 'tenantId' | 'actorUserId' | 'action' | 'targetType' | 'targetId' | 'before' | 'after' | 'ip'>;

/** Appends to the audit trail. The request's IP address and signed-in user are taken from its context. */
@Injectable()
export class AuditService {
  constructor(private readonly database: ScopedDatabase) {}

  /**
   * Pass the transaction's manager to record the event atomically with the change it describes; without
   * one, the event is written in a transaction of its own.
   */
  /** The current LSP's trail, newest first; row-level security keeps it to that LSP. */
  async listForCurrentTenant(limit: number): Promise<AuditEventView[]> {
    const rows: AuditListRow[] = await this.database.inCurrentTenant((manager) =>
      manager.query(
        `SELECT e.id, e.occurred_at, e.action, u.email AS actor_email, e.target_type, e.target_id, e.before, e.after,
                host(e.ip) AS ip
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
         ORDER BY e.occurred_at DESC LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      action: row.action,
      actorEmail: row.actor_email,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before,
      after: row.after,
      ip: row.ip,
    }));
  }

  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    const row = toRow(event);
    if (manager) {
      await insertAuditRows(manager, [row]);
      return;
    }
    await this.database.run({ tenantId: event.tenantId }, (scoped) => insertAuditRows(scoped, [row]));
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
