import type {
  CoverageClaimResult,
  CoveragePage,
  CqcRegisterImportProgress,
  CqcRegisterImportResult,
  CqcRegisterSummary,
  LocalAuthorities,
} from '@dspt/contracts';
import {
  ApiProblem,
  GlobalAccess,
  TenantAccess,
  UuidParam,
  spreadsheetFile,
  SpreadsheetUpload,
  type UploadedSpreadsheet,
  uploadResponse,
} from '@dspt/server/platform';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  type StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CoverageClaimDto, CoverageFiltersDto, CoverageQueryDto, LocalAuthoritiesDto } from './coverage.dto';
import { CoverageService } from './coverage.service';
import { CQC_REGISTER_MAX_BYTES, CqcRegisterImportService } from './cqc-register-import.service';
import { LocalAuthoritiesService } from './local-authorities.service';

@ApiTags('coverage')
@Controller('cqc-register')
@GlobalAccess('cqc-register.manage')
export class CqcRegisterController {
  constructor(private readonly imports: CqcRegisterImportService) {}

  @Get()
  @ApiOperation({ summary: 'How many locations the register holds, its local authorities, when it was imported' })
  summary(): Promise<CqcRegisterSummary> {
    return this.imports.summary();
  }

  @Post('imports')
  @HttpCode(201)
  @SpreadsheetUpload(CQC_REGISTER_MAX_BYTES)
  @ApiOperation({
    summary:
      'Replace the CQC register from CQC\'s "HSCA Active Locations" file (CSV, XLSX or ODS), keeping adult social care locations; all or nothing',
  })
  @ApiCreatedResponse({ description: 'Imported: rows, kept, locations' })
  @ApiAcceptedResponse({ description: 'Large file: importing in the background; follow statusUrl' })
  async importRegister(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CqcRegisterImportResult | CqcRegisterImportProgress> {
    return uploadResponse(await this.imports.start(file), response);
  }

  @Get('imports/:importId')
  @ApiOperation({ summary: "A background register import's progress, then its result or its refusal" })
  @ApiProblem(404, 'No such import, or more than a day old')
  status(@UuidParam('importId') importId: string): Promise<CqcRegisterImportProgress> {
    return this.imports.status(importId);
  }
}

@ApiTags('coverage')
@Controller('tenants/:tenantSlug/local-authorities')
export class LocalAuthoritiesController {
  constructor(private readonly localAuthorities: LocalAuthoritiesService) {}

  @Get()
  @TenantAccess('caseload.read', { orGlobal: 'tenants.manage' })
  @ApiOperation({ summary: 'The local authorities the LSP covers (its members, system admins)' })
  get(): Promise<LocalAuthorities> {
    return this.localAuthorities.get();
  }

  @Put()
  @TenantAccess('lsp.settings.manage', { orGlobal: 'tenants.manage' })
  @ApiOperation({ summary: 'Replace the local authorities the LSP covers (its admins, system admins)' })
  replace(@Body() body: LocalAuthoritiesDto): Promise<LocalAuthorities> {
    return this.localAuthorities.replace(body.localAuthorities);
  }
}

@ApiTags('coverage')
@Controller('tenants/:tenantSlug/coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary:
      "Registered adult social care locations in the LSP's local authorities: in this caseload, in another LSP's (which is never said) or not engaged, with their DSPT list status",
  })
  page(@Query() query: CoverageQueryDto): Promise<CoveragePage> {
    return this.coverage.page({ ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 25 });
  }

  @Get('export')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'The filtered list as CSV (status=not_engaged&published=no: the outreach list)' })
  async export(@Query() query: CoverageFiltersDto): Promise<StreamableFile> {
    const items = await this.coverage.all(query);
    return spreadsheetFile('csv', {
      filename: 'coverage',
      sheetName: 'Coverage',
      columns: [
        'CQC location ID',
        'ODS code',
        'Name',
        'Local authority',
        'Region',
        'Care home',
        'Provider',
        'Engagement',
        'DSPT status',
      ],
      rows: items.map((item) => [
        item.cqcLocationId,
        item.odsCode,
        item.name,
        item.localAuthority,
        item.region,
        item.careHome ? 'Y' : 'N',
        item.providerName,
        item.status,
        item.dsptStatus ?? 'not listed',
      ]),
    });
  }

  @Post('claims')
  @HttpCode(201)
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary: 'Add chosen not-engaged locations to the caseload, details from the register; all or nothing',
  })
  @ApiProblem(409, 'A chosen location is already in this or another caseload (named by id)')
  claim(@Body() body: CoverageClaimDto): Promise<CoverageClaimResult> {
    return this.coverage.claim(body.cqcLocationIds);
  }
}
