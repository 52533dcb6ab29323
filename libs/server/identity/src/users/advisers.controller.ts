import type { AssignableAdviserList } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MembersService } from './members.service';

/** The people a provider or task can be assigned to; the full user list stays with LSP admins. */
@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/advisers')
@TenantAccess('caseload.read')
export class AdvisersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: "The LSP's advisers and admins, by name (for assignment lists)" })
  async list(): Promise<AssignableAdviserList> {
    return { items: await this.members.listAssignable() };
  }
}
