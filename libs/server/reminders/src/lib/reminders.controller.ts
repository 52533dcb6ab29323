import type { ReminderCadence, ReminderPlanResult, ReminderPreview } from '@dspt/contracts';
import { ApiProblem, GlobalAccess, TenantAccess } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReminderCadenceService } from './reminder-cadence.service';
import { ReminderPlanner } from './reminder-planner.service';
import { CycleQueryDto, ReminderCadenceInputDto, ReminderPreviewQueryDto } from './reminders.dto';

@ApiTags('reminders')
@Controller('tenants/:tenantSlug/reminders')
export class RemindersController {
  constructor(private readonly cadence: ReminderCadenceService) {}

  @Get('cadence')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary: "The LSP's reminder steps for a cycle: when each goes out, which is due, and how its emails went",
  })
  @ApiProblem(404, 'No such cycle')
  get(@Query() query: CycleQueryDto): Promise<ReminderCadence> {
    return this.cadence.get(query.cycle);
  }

  @Put('cadence')
  @TenantAccess('lsp.settings.manage')
  @ApiOperation({ summary: "Change the LSP's reminder steps for a cycle (null: back to the defaults)" })
  @ApiProblem(400, 'Bad steps, or a new step whose day has passed (named)')
  save(@Body() body: ReminderCadenceInputDto): Promise<ReminderCadence> {
    return this.cadence.save(body);
  }

  @Get('preview')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'Who a step will email: how many and which providers, and how many are left out and why' })
  preview(@Query() query: ReminderPreviewQueryDto): Promise<ReminderPreview> {
    return this.cadence.preview(query.cycle, query.offsetDays, query.page ?? 1, query.pageSize ?? 100);
  }
}

@ApiTags('reminders')
@Controller('system/reminders')
@GlobalAccess('system.operate')
export class ReminderPlannerController {
  constructor(private readonly planner: ReminderPlanner) {}

  @Post('plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the reminder planner now (it also runs daily at 09:00 London time); safe to repeat' })
  plan(): Promise<ReminderPlanResult> {
    return this.planner.plan({ audited: true });
  }
}
