import type { CycleList, CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import { QUESTION_SET_COLUMNS } from '@dspt/domain';
import { GlobalAccess } from '@dspt/server/http';
import { MAX_UPLOAD_BYTES, type UploadedSpreadsheet, writeCsv, writeXlsx } from '@dspt/server/spreadsheets';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateCycleDto, TemplateQueryDto } from './question-sets.dto';
import { QuestionSetsService } from './question-sets.service';

const TEMPLATE_ROWS = [
  ['1.1.5', 'Staffing and Roles', 'Senior person formally responsible for data security and protection', 'AS', 'no'],
  ['9.1.1', 'IT Systems and Devices', 'Unsupported software is identified and managed', 'SM', 'yes'],
];

@ApiTags('admin')
@Controller('admin/cycles')
@GlobalAccess('cycles.manage')
export class QuestionSetsController {
  constructor(private readonly questionSets: QuestionSetsService) {}

  @Get()
  @ApiOperation({ summary: 'Assessment cycles with the size of their question sets' })
  async list(): Promise<CycleList> {
    return { items: await this.questionSets.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a cycle (its dates follow from the code: 1 July to 30 June)' })
  @ApiConflictResponse({ description: 'The cycle exists' })
  create(@Body() body: CreateCycleDto): Promise<CycleSummary> {
    return this.questionSets.create(body.code);
  }

  @Get('question-set-template')
  @ApiOperation({ summary: 'A CSV or XLSX template for question-set imports' })
  async template(@Query() query: TemplateQueryDto, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const xlsx = query.format === 'xlsx';
    response.setHeader('Content-Disposition', `attachment; filename="question-set-template.${xlsx ? 'xlsx' : 'csv'}"`);
    response.setHeader(
      'Content-Type',
      xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
    );
    const body = xlsx
      ? await writeXlsx('Question set', QUESTION_SET_COLUMNS, TEMPLATE_ROWS)
      : Buffer.from(writeCsv(QUESTION_SET_COLUMNS, TEMPLATE_ROWS));
    return new StreamableFile(body);
  }

  @Put(':code/questions')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ summary: "Replace a cycle's question set from CSV or XLSX (code, section, title, level, ce_plus_skippable)" })
  @ApiConflictResponse({ description: 'LSPs have started assessments in the cycle' })
  importQuestionSet(@Param('code') code: string, @UploadedFile() file: UploadedSpreadsheet | undefined): Promise<QuestionSetImportResult> {
    return this.questionSets.importQuestionSet(code, file);
  }
}
