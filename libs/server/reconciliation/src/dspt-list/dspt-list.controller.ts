import type {
  DsptListImportAccepted,
  DsptListImportProgress,
  DsptListImportResult,
  DsptListRuns,
} from '@dspt/contracts';
import {
  ApiProblem,
  GlobalAccess,
  UuidParam,
  SpreadsheetUpload,
  type UploadedSpreadsheet,
  uploadResponse,
} from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Res, UploadedFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { DsptListImportsService } from './dspt-list-imports.service';

export class DsptListUploadDto {
  @ApiPropertyOptional({
    description: 'When the list was downloaded (YYYY-MM-DD or ISO date-time); the time of upload when left out',
  })
  @IsOptional()
  @IsString({ message: 'listDate must be text' })
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, {
    message: 'listDate must be a date (YYYY-MM-DD) or an ISO date and time',
  })
  listDate?: string;
}

@ApiTags('dspt-status')
@Controller('dspt-status/imports')
@GlobalAccess('dspt-list.manage')
export class DsptListController {
  constructor(private readonly imports: DsptListImportsService) {}

  @Post()
  @HttpCode(201)
  @SpreadsheetUpload()
  @ApiOperation({
    summary:
      "Import the DSPT's organisation status list (CSV or XLSX, columns found by header); records publications it shows for the current cycle and lists disagreements per LSP",
  })
  @ApiCreatedResponse({ description: 'Imported: counts, the mapping used and unknown statuses' })
  @ApiAcceptedResponse({ description: 'Large file: importing in the background; follow statusUrl' })
  async import(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Body() body: DsptListUploadDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DsptListImportResult | DsptListImportAccepted> {
    return uploadResponse(await this.imports.start(file, body?.listDate), response);
  }

  @Get()
  @ApiOperation({ summary: 'Recent imports and scheduled fetches of the list, newest first, and the schedule' })
  runs(): Promise<DsptListRuns> {
    return this.imports.runs();
  }

  @Get(':importId')
  @ApiOperation({ summary: "A background import's progress, then its result" })
  @ApiProblem(404, 'No such import, or more than a day old')
  status(@UuidParam('importId') importId: string): Promise<DsptListImportProgress> {
    return this.imports.status(importId);
  }
}
