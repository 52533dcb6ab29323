import type { Invitation, TenantDetail } from '@dspt/contracts';
import { ApiProblem, GlobalAccess } from '@dspt/server/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InviteTenantAdminDto } from './tenants.dto';
import { TenantsService } from './tenants.service';

/**
 * A system admin's view of one LSP, from outside it: a system admin is not a member, so these routes
 * take the LSP's slug as a plain parameter (not a tenant route) and answer counts, never member names.
 */
@ApiTags('tenants')
@Controller('admin/tenants/:slug')
@GlobalAccess('tenants.manage')
export class TenantAdminController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @ApiOperation({ summary: 'One LSP: name, region, how many members and admins, and pending invitations' })
  @ApiProblem(404, 'No LSP with that slug')
  detail(@Param('slug') slug: string): Promise<TenantDetail> {
    return this.tenants.detail(slug);
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite an admin of the LSP by email (its first admin, or another)' })
  @ApiProblem(404, 'No LSP with that slug')
  @ApiProblem(409, 'Already a member')
  invite(@Param('slug') slug: string, @Body() body: InviteTenantAdminDto): Promise<Invitation> {
    return this.tenants.inviteAdmin(slug, body.email);
  }
}
