import type { ImportAccepted, ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { PROVIDER_SHEET_COLUMNS } from '@dspt/domain';
import {
  ApiProblem,
  TenantAccess,
  UuidParam,
  SpreadsheetFormatQueryDto,
  spreadsheetFile,
  SpreadsheetUpload,
  uploadResponse,
  type UploadedSpreadsheet,
} from '@dspt/server/platform';
import { Controller, Get, HttpCode, Post, Query, Res, type StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProviderImportService } from './provider-import.service';

/** An HQ, one of its branches and a single site: a template that imports as it is (into an LSP without these codes). */
const TEMPLATE_ROWS = [
  [
    'A1B2C',
    'Oakfield Care Group',
    'hq',
    '',
    'care_home_residential',
    'large',
    'Leeds',
    'Yorkshire and The Humber',
    'Pat Okafor',
    'pat.okafor@oakfield.example',
    'dspt_admin',
    '',
    'yes',
  ],
  [
    'V1B2C',
    'Oakfield House',
    'branch',
    'A1B2C',
    'care_home_nursing',
    'medium',
    'Leeds',
    'Yorkshire and The Humber',
    'Sam Lee',
    'manager@oakfieldhouse.example',
    'registered_manager',
    '',
    'no',
  ],
  [
    'V3D4E',
    'Riverside Homecare',
    'single_site',
    '',
    'homecare',
    'small',
    'Bradford',
    'Yorkshire and The Humber',
    '',
    '',
    '',
    '',
    'no',
  ],
];

@ApiTags('imports')
@Controller('tenants/:tenantSlug/imports')
export class ProviderImportController {
  constructor(private readonly imports: ProviderImportService) {}

  @Post('providers')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @SpreadsheetUpload()
  @ApiOperation({
    summary:
      'Import providers and contacts from CSV or XLSX, all or nothing; re-imports update by ODS code. Over 1,000 rows: 202 and progress at imports/{importId}',
  })
  @ApiOkResponse({ description: 'Imported: counts' })
  @ApiAcceptedResponse({ description: 'Large file: importing in the background; follow statusUrl' })
  @ApiProblem(409, 'Only ODS codes registered by another LSP stand in the way (details name the rows)')
  async importProviders(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProviderImportResult | ImportAccepted> {
    return uploadResponse(await this.imports.start(file), response);
  }

  @Get('providers/template')
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'A CSV or XLSX template for provider imports, with an HQ, a branch and a single site' })
  template(@Query() query: SpreadsheetFormatQueryDto): Promise<StreamableFile> {
    return spreadsheetFile(query.format, {
      filename: 'provider-import-template',
      sheetName: 'Providers',
      columns: PROVIDER_SHEET_COLUMNS,
      rows: TEMPLATE_ROWS,
    });
  }

  @Get(':importId')
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: "A background import's progress, then its result or every bad row" })
  @ApiProblem(404, 'No such import in this LSP, or more than a day old')
  status(@UuidParam('importId') importId: string): Promise<ImportProgress> {
    return this.imports.status(importId);
  }
}
