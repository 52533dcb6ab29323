import type { CaseNote, CaseNoteList } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseNotesService } from './case-notes.service';
import { CaseNoteInputDto } from './casework.dto';

@ApiTags('casework')
@Controller('tenants/:tenantSlug/providers/:providerId/notes')
export class CaseNotesController {
  constructor(private readonly notes: CaseNotesService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The provider's case notes, newest first" })
  @ApiProblem(404, 'No such provider in this LSP')
  async list(@UuidParam('providerId') providerId: string): Promise<CaseNoteList> {
    return { items: await this.notes.list(providerId) };
  }

  @Post()
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Log a call, email, meeting, visit or note; the latest sets the last contact' })
  @ApiProblem(404, 'No such provider in this LSP')
  create(@UuidParam('providerId') providerId: string, @Body() body: CaseNoteInputDto): Promise<CaseNote> {
    return this.notes.create(providerId, body);
  }
}
