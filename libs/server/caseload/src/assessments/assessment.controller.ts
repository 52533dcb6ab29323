import type { AssessmentView, BlockerList, ProgressImportResult, QuestionProgressResult } from '@dspt/contracts';
import {
  ApiProblem,
  TenantAccess,
  UuidParam,
  SpreadsheetUpload,
  type UploadedSpreadsheet,
} from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Put, Query, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentService } from './assessment.service';
import { CycleQueryDto, QuestionProgressUpdateDto } from './assessments.dto';
import { ProgressImportService } from './progress-import.service';
import { QuestionCodeParam } from './question-code.param';

@ApiTags('assessments')
@Controller('tenants/:tenantSlug/providers/:providerId')
export class AssessmentController {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly imports: ProgressImportService,
  ) {}

  @Get('assessment')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary: "Every question of the cycle in DSPT order with the provider's status, comment, who and when",
  })
  @ApiProblem(404, 'No such provider in this LSP, or the cycle is not loaded')
  view(@UuidParam('providerId') providerId: string, @Query() query: CycleQueryDto): Promise<AssessmentView> {
    return this.assessments.view(providerId, query.cycle);
  }

  @Put('assessment/questions/:code')
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: "Set one question's status (and comment); recalculates progress and status" })
  @ApiProblem(404, 'No such provider, cycle or question')
  updateQuestion(
    @UuidParam('providerId') providerId: string,
    @QuestionCodeParam() code: string,
    @Query() query: CycleQueryDto,
    @Body() body: QuestionProgressUpdateDto,
  ): Promise<QuestionProgressResult> {
    return this.assessments.updateQuestion(providerId, code, query.cycle, body);
  }

  @Post('assessment/import')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @SpreadsheetUpload()
  @ApiOperation({
    summary:
      "Set many questions' statuses from CSV or XLSX (code, status, comment), all or nothing; recalculates progress and status",
  })
  @ApiProblem(404, 'No such provider in this LSP, or the cycle is not loaded')
  importStatuses(
    @UuidParam('providerId') providerId: string,
    @Query() query: CycleQueryDto,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
  ): Promise<ProgressImportResult> {
    return this.imports.import(providerId, query.cycle, file);
  }

  @Get('blockers')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "What stops publishing at Standards Met, in the DSPT's words and order" })
  @ApiProblem(404, 'No such provider in this LSP, or the cycle is not loaded')
  blockers(@UuidParam('providerId') providerId: string, @Query() query: CycleQueryDto): Promise<BlockerList> {
    return this.assessments.blockers(providerId, query.cycle);
  }
}
