import type { ProviderTransferResult } from '@dspt/contracts';
import { normaliseOdsCode, odsCodeProblem, type ProviderKind } from '@dspt/domain';
import { type AuditEventInput, AuditService } from '@dspt/server/audit';
import { TenantEntity } from '@dspt/server/database';
import { invalidField } from '@dspt/server/http';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
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
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

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
      const rows: TransferRow[] = await manager.query(`SELECT * FROM transfer_provider($1, $2)`, [odsCode, to.id]);
      const [provider] = rows;
      if (!provider) {
        throw new NotFoundException(`No provider has the ODS code ${odsCode}`);
      }
      if (!provider.moved) {
        throw provider.kind === 'branch'
          ? new UnprocessableEntityException(
              `${odsCode} is a branch of ${provider.parent_ods_code}: a branch moves with its HQ, so transfer ${provider.parent_ods_code} and its branches go with it`,
            )
          : new ConflictException(`${odsCode} is already in ${to.name}`);
      }
      const from = await manager.findOneByOrFail(TenantEntity, { id: provider.from_tenant });
      const movement = { from: lsp(from), to: lsp(to), reason: input.reason };
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
    });
  }
}
