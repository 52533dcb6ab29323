import type { ProgrammeLead, ProgrammeLeadList } from '@dspt/contracts';
import { UserEntity } from '@dspt/server/database';
import { GlobalAccess } from '@dspt/server/http';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvitationsService } from './invitations.service';
import { InviteProgrammeLeadDto } from './users.dto';

@ApiTags('admin')
@Controller('admin/programme-leads')
@GlobalAccess('programme-leads.manage')
export class ProgrammeLeadsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly database: ScopedDatabase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Programme leads, and invitations not yet accepted' })
  async list(): Promise<ProgrammeLeadList> {
    const leads = await this.database.outsideTenants((manager) =>
      manager.find(UserEntity, { where: { globalRole: 'programme_lead' }, order: { email: 'ASC' } }),
    );
    const pending = await this.invitations.listProgrammeLeadInvitations();
    return {
      items: [
        ...leads.map((user) => ({ userId: user.id, email: user.email, displayName: user.displayName, invitationPending: false })),
        ...pending.map((invitation) => ({ userId: null, email: invitation.email, displayName: null, invitationPending: true })),
      ],
    };
  }

  @Post()
  @ApiOperation({ summary: 'Invite a programme lead by email' })
  @ApiConflictResponse({ description: 'Already has a programme-wide role' })
  async invite(@Body() body: InviteProgrammeLeadDto): Promise<ProgrammeLead> {
    const invitation = await this.invitations.invite({ tenant: null, role: 'programme_lead' }, body.email);
    return { userId: null, email: invitation.email, displayName: null, invitationPending: true };
  }
}
