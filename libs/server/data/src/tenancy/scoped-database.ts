import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral, type Pool, type QueryResult } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { requireTenantContext } from './request-context';

export interface DatabaseScope {
  /** Rows of this tenant only (row-level security); null: no tenant's rows at all. */
  tenantId: string | null;
  /** Lets the user's own memberships be read before a tenant is chosen (at sign-in). */
  userId?: string | null;
}

/**
 * The only way the api and worker reach PostgreSQL. Each call is one transaction that first sets
 * `app.tenant_id` / `app.user_id` with `set_config(..., true)` (SET LOCAL), so the row-level security
 * policies see them and they vanish at commit: a pooled connection never carries a tenant over.
 */
@Injectable()
export class ScopedDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(scope: DatabaseScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    // Begun before it is sent: a start that fails half way is rolled back, never pooled as it is.
    markTransactionBegun(runner);
    try {
      // The start and the settings in one round trip, as one simple query (literals, no parameters): every
      // request opens a transaction, and each round trip is a write to the database's socket.
      await runner.query(`START TRANSACTION; ${settingsStatement(scope)}`);
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * One read statement in the scope, in one round trip instead of four (BEGIN, the settings, the statement,
   * COMMIT): the settings and the statement go as one simple query, which PostgreSQL runs as one transaction,
   * so the settings last exactly for the statement. The simple protocol takes no parameters: `$1`... are
   * replaced by the values as escaped literals (text or NULL). For the reads every request makes (the access
   * guard); anything else uses `run`.
   */
  async readOnce<T>(scope: DatabaseScope, sql: string, values: Array<string | null>): Promise<T[]> {
    const statement = sql.replace(/\$(\d+)/g, (_match, index: string) => literal(values[Number(index) - 1]));
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const results = (await pool.query(`${settingsStatement(scope)}; ${statement}`)) as unknown as QueryResult[];
    return results[1].rows as T[];
  }

  /** In the tenant named by the request's URL; throws when there is none (fails closed). */
  inCurrentTenant<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.run({ tenantId: requireTenantContext().id }, work);
  }

  inTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.run({ tenantId }, work);
  }

  /**
   * Moves an open transaction into a tenant, for the rare flow that creates a tenant and then its first
   * rows atomically. Everything after this call sees only that tenant's rows.
   */
  async switchTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  }

  /**
   * Takes an open transaction out of its tenant, for the one flow that answers inside an LSP and then
   * needs a cross-tenant function that refuses to run inside one (accepting a provider transfer request).
   */
  async leaveTenant(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  /** Outside any tenant: global tables only (tenant-owned tables answer with no rows). */
  outsideTenants<T>(work: (manager: EntityManager) => Promise<T>, userId?: string): Promise<T> {
    return this.run({ tenantId: null, userId }, work);
  }
}

function literal(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : escapeLiteral(value);
}

/** The scope's settings for the transaction (SET LOCAL), as one statement with its values as literals. */
function settingsStatement(scope: DatabaseScope): string {
  return (
    `SELECT set_config('app.tenant_id', ${literal(scope.tenantId ?? '')}, true),` +
    ` set_config('app.user_id', ${literal(scope.userId ?? '')}, true)`
  );
}

/**
 * Tells TypeORM the runner is in a transaction it did not start itself, as its own startTransaction
 * would: saves and nested transactions then use savepoints inside it, and commit or roll back end it.
 */
function markTransactionBegun(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}
