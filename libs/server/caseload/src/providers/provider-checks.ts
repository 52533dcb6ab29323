import type { ApiErrorDetail } from '@dspt/contracts';
import { hqWithBranchesProblem, odsCodeProblem, parentLinkProblem, TENANT_ROLES, tenantRoleGrants } from '@dspt/domain';
import { MembershipEntity, ProviderEntity } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { assertNoProblems } from './provider-errors';
import type { ProviderFields } from './provider-fields';

/** Roles that may be assigned providers: those that may change the caseload (advisers and admins). */
export const ASSIGNABLE_ROLES = TENANT_ROLES.filter((role) => tenantRoleGrants(role, 'caseload.write'));

/**
 * The rules a provider's fields must meet beyond their shape: the ODS code for its kind, a branch's HQ in
 * the same LSP, an assignable adviser. Lookups run inside the current LSP (row-level security), so
 * another LSP's HQ or user is simply not found.
 */
@Injectable()
export class ProviderChecks {
  /**
   * Refuses the fields with one 400 naming every problem (plus any `more` found by the caller); returns
   * the HQ's id for a branch. `self` is the provider being edited, if any.
   */
  async assertValid(
    manager: EntityManager,
    fields: ProviderFields,
    self?: ProviderEntity,
    more: ApiErrorDetail[] = [],
  ): Promise<{ parentId: string | null }> {
    const details = [...more];
    const odsProblem = odsCodeProblem(fields.odsCode, fields.kind);
    if (odsProblem) {
      details.push({ field: 'odsCode', message: odsProblem });
    }
    const parentId = await this.parentProblems(manager, fields, details);
    if (self?.kind === 'hq' && fields.kind !== 'hq') {
      const branchesProblem = hqWithBranchesProblem(await manager.countBy(ProviderEntity, { parentId: self.id }));
      if (branchesProblem) {
        details.push({ field: 'kind', message: branchesProblem });
      }
    }
    if (fields.assignedAdviserId && !(await this.isAssignable(manager, fields.assignedAdviserId))) {
      details.push({
        field: 'assignedAdviserId',
        message: 'assignedAdviserId must be an adviser or admin of this LSP',
      });
    }
    assertNoProblems(details);
    return { parentId };
  }

  /** 400 naming `field` unless the user may be assigned providers in this LSP. */
  async assertAssignable(manager: EntityManager, userId: string, field: string): Promise<void> {
    if (!(await this.isAssignable(manager, userId))) {
      assertNoProblems([{ field, message: `${field} must be an adviser or admin of this LSP` }]);
    }
  }

  private async isAssignable(manager: EntityManager, userId: string): Promise<boolean> {
    return (await manager.countBy(MembershipEntity, { userId, role: In(ASSIGNABLE_ROLES) })) > 0;
  }

  private async parentProblems(
    manager: EntityManager,
    fields: ProviderFields,
    details: ApiErrorDetail[],
  ): Promise<string | null> {
    const parent =
      fields.kind === 'branch' && fields.parentOdsCode
        ? await manager.findOneBy(ProviderEntity, { odsCode: fields.parentOdsCode })
        : undefined;
    const problem = parentLinkProblem(fields, parent, 'parentOdsCode');
    if (problem) {
      details.push({ field: 'parentOdsCode', message: problem });
      return null;
    }
    return parent?.id ?? null;
  }
}
