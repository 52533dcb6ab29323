import type { ReconciliationList, ReconciliationResolution } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReconciliationService } from './reconciliation.service';

export const RECONCILIATION_REASON_MAX_LENGTH = 1000;

export class ReconciliationResolutionDto implements ReconciliationResolution {
  @ApiProperty({
    enum: ['accept', 'keep'],
    description: "accept: the list's value replaces the portal's; keep: the portal's stays",
  })
  @IsIn(['accept', 'keep'], { message: 'action must be one of: accept, keep' })
  action!: 'accept' | 'keep';

  @ApiPropertyOptional({ description: "Why the portal's value is right (needed to keep it)" })
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(RECONCILIATION_REASON_MAX_LENGTH, {
    message: `reason must be at most ${RECONCILIATION_REASON_MAX_LENGTH} characters`,
  })
  reason?: string;
}

@ApiTags('dspt-status')
@Controller('tenants/:tenantSlug/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary: "Where the portal and the DSPT status list disagree for the current cycle (this LSP's providers)",
  })
  list(): Promise<ReconciliationList> {
    return this.reconciliation.list();
  }

  @Post(':providerId')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary: "Resolve one disagreement: accept the list's value, or keep the portal's with a reason (audited)",
  })
  @ApiProblem(404, 'No such provider in this LSP')
  @ApiProblem(409, 'Nothing to resolve for this provider')
  resolve(
    @UuidParam('providerId') providerId: string,
    @Body() body: ReconciliationResolutionDto,
  ): Promise<ReconciliationList> {
    return this.reconciliation.resolve(providerId, body);
  }
}
