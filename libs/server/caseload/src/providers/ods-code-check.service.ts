import type { OdsCodeCheck } from '@dspt/contracts';
import { odsCodeProblem, type ProviderKind } from '@dspt/domain';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { odsCodeTakenMessage } from './provider-errors';

/**
 * Whether a new provider could take an ODS code: its form for the kind (odsCodeProblem), then whether any
 * LSP holds it. Uniqueness is national but row-level security hides other LSPs' providers, so the
 * database function `ods_code_registered` answers that one yes/no across LSPs (docs/security.md).
 */
@Injectable()
export class OdsCodeCheckService {
  constructor(private readonly database: ScopedDatabase) {}

  check(odsCode: string, kind: ProviderKind): Promise<OdsCodeCheck> {
    const formProblem = odsCodeProblem(odsCode, kind);
    if (formProblem) {
      return Promise.resolve({ odsCode, registered: false, problem: formProblem });
    }
    return this.database.inCurrentTenant(async (manager) => {
      const [{ registered }]: Array<{ registered: boolean }> = await manager.query(
        `SELECT ods_code_registered($1) AS registered`,
        [odsCode],
      );
      return { odsCode, registered, problem: registered ? odsCodeTakenMessage(odsCode) : null };
    });
  }
}
