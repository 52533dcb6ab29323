import type { ProviderTransferResult } from '@dspt/contracts';
import {
  normaliseOdsCode,
  odsCodeProblem,
  type ProviderKind,
  Conflict,
  NotFound,
  Unprocessable,
  invalidField,
} from '@dspt/domain';
import { type AuditEventInput, AuditService, TenantEntity, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProviderTransferDto } from './provider-transfer.dto';

/** One row of `transfer_provider` (migration 1764000000006): a provider it moved, or the one it refused. */
interface TransferRow {
  provider_id: string;
  ods_code: string;
  name: string;
  kind: ProviderKind;
  from_tenant: string;
  parent_ods_code: string | null;
  previous_adviser_id: string | null;
  /** After the move (unchanged when refused). */
  version: number;
  moved: boolean;
}

const lsp = (tenant: TenantEntity) => ({ slug: tenant.slug, name: tenant.name });

/**
 * Moves a provider that moved area to another LSP, with its whole history (an HQ takes its branches).
 * Row-level security rightly stops the app role from touching two LSPs' rows, so the move itself is the
 * SECURITY DEFINER function `transfer_provider`, called only from here, after the route's check that a
 * system admin asks. Both LSPs' audit trails record it, in the same transaction.
 */
@Injectable()
export class ProviderTransferService {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  transfer(rawOdsCode: string, input: ProviderTransferDto): Promise<ProviderTransferResult> {
    const odsCode = normaliseOdsCode(rawOdsCode);
    const codeProblem = odsCodeProblem(odsCode, 'single_site');
    if (codeProblem) {
      throw invalidField('odsCode', codeProblem);
    }
    return this.database.outsideTenants(async (manager) => {
      const to = await manager.findOneBy(TenantEntity, { slug: input.toTenantSlug });
      if (!to) {
        throw invalidField('toTenantSlug', `No LSP has the slug ${input.toTenantSlug}`);
      }
      return this.move(manager, odsCode, to, { reason: input.reason });
    });
  }

  /**
   * The move itself, in a transaction that is outside any LSP when called (it ends inside the new one):
   * `transfer_provider`, the unsubscribes, and `provider.transferred` in both trails with `movement`
   * (the reason, and for an accepted request who asked and who accepted).
   */
  async move(
    manager: EntityManager,
    odsCode: string,
    to: TenantEntity,
    details: { reason: string } & Record<string, unknown>,
  ): Promise<ProviderTransferResult> {
    const rows: TransferRow[] = await manager.query(`SELECT * FROM transfer_provider($1, $2)`, [odsCode, to.id]);
    const [provider] = rows;
    if (!provider) {
      throw new NotFound(`No provider has the ODS code ${odsCode}`);
    }
    if (!provider.moved) {
      throw provider.kind === 'branch'
        ? new Unprocessable(
            `${odsCode} is a branch of ${provider.parent_ods_code}: a branch moves with its HQ, so transfer ${provider.parent_ods_code} and its branches go with it`,
          )
        : new Conflict(`${odsCode} is already in ${to.name}`);
    }
    const from = await manager.findOneByOrFail(TenantEntity, { id: provider.from_tenant });
    await this.carryUnsubscribes(
      manager,
      rows.map((row) => row.provider_id),
      from.id,
      to.id,
    );
    const movement = { from: lsp(from), to: lsp(to), ...details };
    for (const [tenant, side] of [
      [from, 'from'],
      [to, 'to'],
    ] as const) {
      // The trail of each LSP is written inside that LSP, as its row-level security requires.
      await this.database.switchTenant(manager, tenant.id);
      await this.audit.recordMany(
        rows.map((row): AuditEventInput => ({
          action: 'provider.transferred',
          tenantId: tenant.id,
          target: { type: 'provider', id: row.provider_id },
          // The old LSP's adviser is named only in the old LSP's trail.
          before: {
            version: row.version - 1,
            ...(side === 'from' ? { assignedAdviserId: row.previous_adviser_id } : {}),
          },
          after: {
            ...movement,
            odsCode: row.ods_code,
            ...(row.parent_ods_code ? { withHq: row.parent_ods_code } : {}),
            assignedAdviserId: null,
            version: row.version,
          },
        })),
        manager,
      );
    }
    return {
      odsCode: provider.ods_code,
      name: provider.name,
      from: lsp(from),
      to: lsp(to),
      moved: rows.map((row) => ({ id: row.provider_id, odsCode: row.ods_code, name: row.name, kind: row.kind })),
    };
  }

  /**
   * The moved contacts' addresses that were on the old LSP's unsubscribe list go on the new LSP's too, so
   * someone who unsubscribed is not emailed again because their provider changed area. Only keyed hashes
   * cross, each LSP read and written inside itself; the old LSP keeps its list.
   */
  private async carryUnsubscribes(manager: EntityManager, providerIds: string[], fromId: string, toId: string) {
    await this.database.switchTenant(manager, toId);
    const moved: Array<{ hash: Buffer }> = await manager.query(
      `SELECT DISTINCT email_address_hash(email, $2) AS hash FROM provider_contacts WHERE provider_id = ANY($1::uuid[])`,
      [providerIds, this.emailHashKey],
    );
    if (moved.length === 0) {
      return;
    }
    await this.database.switchTenant(manager, fromId);
    const unsubscribed: Array<{ email_hash: Buffer; unsubscribed_at: Date }> = await manager.query(
      `SELECT email_hash, unsubscribed_at FROM email_suppressions WHERE email_hash = ANY($1::bytea[])`,
      [moved.map((row) => row.hash)],
    );
    await this.database.switchTenant(manager, toId);
    if (unsubscribed.length > 0) {
      await manager.query(
        `INSERT INTO email_suppressions (tenant_id, email_hash, unsubscribed_at)
         SELECT $1, hash, at FROM unnest($2::bytea[], $3::timestamptz[]) AS carried (hash, at)
         ON CONFLICT (tenant_id, email_hash) DO NOTHING`,
        [toId, unsubscribed.map((row) => row.email_hash), unsubscribed.map((row) => row.unsubscribed_at)],
      );
    }
  }
}
