import type { TenantMember, TenantMemberList } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessChangeInterceptor } from '../auth';
import { ChangeRoleDto } from './users.dto';
import { MembersService } from './members.service';

@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/users')
@TenantAccess('lsp.users.manage')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: "The LSP's users and their roles" })
  async list(): Promise<TenantMemberList> {
    return { items: await this.members.list() };
  }

  @Patch(':userId')
  @UseInterceptors(AccessChangeInterceptor)
  @ApiOperation({ summary: "Change a user's role in the LSP" })
  @ApiProblem(409, 'It would leave the LSP without an admin')
  changeRole(@UuidParam('userId') userId: string, @Body() body: ChangeRoleDto): Promise<TenantMember> {
    return this.members.changeRole(userId, body.role);
  }

  @Delete(':userId')
  @UseInterceptors(AccessChangeInterceptor)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user from the LSP (their sessions end)' })
  @ApiProblem(409, 'It would leave the LSP without an admin')
  remove(@UuidParam('userId') userId: string): Promise<void> {
    return this.members.remove(userId);
  }

  @Post(':userId/mfa-reset')
  @HttpCode(200)
  @ApiOperation({ summary: "Remove a user's second factor (lost device): they set it up again at next sign-in" })
  @ApiProblem(409, 'Own account, a programme-wide account, or no MFA to reset')
  resetMfa(@UuidParam('userId') userId: string): Promise<TenantMember> {
    return this.members.resetMfa(userId);
  }
}
