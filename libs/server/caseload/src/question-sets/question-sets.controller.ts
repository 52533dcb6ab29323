import type { CycleList, CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import { QUESTION_SET_COLUMNS } from '@dspt/domain';
import {
  ApiProblem,
  GlobalAccess,
  SpreadsheetFormatQueryDto,
  spreadsheetFile,
  SpreadsheetUpload,
  type UploadedSpreadsheet,
} from '@dspt/server/platform';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  type StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeCycleDeadlineDto,
  CreateCycleDto,
  CurrentCycleDto,
  QuestionSetImportQueryDto,
} from './question-sets.dto';
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
  @ApiProblem(409, 'The cycle exists')
  create(@Body() body: CreateCycleDto): Promise<CycleSummary> {
    return this.questionSets.create(body.code, body.deadline);
  }

  @Put('current')
  @ApiOperation({
    summary:
      'Make a cycle the current one whatever the date, or (code null) let the date decide again; answers every cycle',
  })
  @ApiProblem(404, 'No such cycle')
  async chooseCurrent(@Body() body: CurrentCycleDto): Promise<CycleList> {
    return { items: await this.questionSets.chooseCurrent(body.code) };
  }

  @Patch(':code')
  @ApiOperation({
    summary: "Move a cycle's deadline (it stays after the cycle's first day, within the year it ends in)",
  })
  changeDeadline(@Param('code') code: string, @Body() body: ChangeCycleDeadlineDto): Promise<CycleSummary> {
    return this.questionSets.changeDeadline(code, body.deadline);
  }

  @Get('question-set-template')
  @ApiOperation({ summary: 'A CSV or XLSX template for question-set imports' })
  template(@Query() query: SpreadsheetFormatQueryDto): Promise<StreamableFile> {
    return spreadsheetFile(query.format, {
      filename: 'question-set-template',
      sheetName: 'Question set',
      columns: QUESTION_SET_COLUMNS,
      rows: TEMPLATE_ROWS,
    });
  }

  @Put(':code/questions')
  @HttpCode(200)
  @SpreadsheetUpload()
  @ApiOperation({
    summary:
      "Replace a cycle's question set from CSV or XLSX (code, section, title, level, ce_plus_skippable); with ?dryRun=true only say what would change",
  })
  @ApiProblem(409, 'LSPs have started assessments in the cycle')
  importQuestionSet(
    @Param('code') code: string,
    @Query() query: QuestionSetImportQueryDto,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
  ): Promise<QuestionSetImportResult> {
    return this.questionSets.importQuestionSet(code, file, query.dryRun === 'true');
  }
}
