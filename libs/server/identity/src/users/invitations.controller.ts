import type { Invitation, InvitationList } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { requireTenantContext } from '@dspt/server/data';
import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationsService } from './invitations.service';
import { TenantLookup } from './tenant-lookup';
import { InviteUserDto } from './users.dto';

@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/invitations')
@TenantAccess('lsp.users.manage')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly tenants: TenantLookup,
  ) {}

  @Get()
  @ApiOperation({ summary: "The LSP's invitations, newest first" })
  async list(): Promise<InvitationList> {
    return { items: await this.invitations.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Invite someone by email (single-use link, valid for 7 days)' })
  @ApiProblem(409, 'Already a member')
  async invite(@Body() body: InviteUserDto): Promise<Invitation> {
    const tenant = await this.tenants.byId(requireTenantContext().id);
    return this.invitations.invite({ tenant, role: body.role }, body.email);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  revoke(@UuidParam('invitationId') invitationId: string): Promise<void> {
    return this.invitations.revoke(invitationId);
  }
}
