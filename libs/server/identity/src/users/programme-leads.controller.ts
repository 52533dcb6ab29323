import type { ProgrammeLead, ProgrammeLeadList } from '@dspt/contracts';
import { ApiProblem, GlobalAccess } from '@dspt/server/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProgrammeLeadsService } from './programme-leads.service';
import { InviteProgrammeLeadDto } from './users.dto';

@ApiTags('admin')
@Controller('admin/programme-leads')
@GlobalAccess('programme-leads.manage')
export class ProgrammeLeadsController {
  constructor(private readonly programmeLeads: ProgrammeLeadsService) {}

  @Get()
  @ApiOperation({ summary: 'Programme leads, and invitations not yet accepted (expired ones are left out)' })
  async list(): Promise<ProgrammeLeadList> {
    return { items: await this.programmeLeads.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Invite a programme lead by email' })
  @ApiProblem(409, 'Already has a programme-wide role')
  invite(@Body() body: InviteProgrammeLeadDto): Promise<ProgrammeLead> {
    return this.programmeLeads.invite(body.email);
  }
}
