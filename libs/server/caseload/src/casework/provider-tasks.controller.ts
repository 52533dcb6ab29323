import type { Task, TaskList } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskInputDto } from './casework.dto';
import { TasksService } from './tasks.service';

@ApiTags('casework')
@Controller('tenants/:tenantSlug/providers/:providerId/tasks')
export class ProviderTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The provider's tasks: open ones first, overdue first, then by due date" })
  @ApiProblem(404, 'No such provider in this LSP')
  async list(@UuidParam('providerId') providerId: string): Promise<TaskList> {
    return { items: await this.tasks.forProvider(providerId) };
  }

  @Post()
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Set a follow-up task for the provider' })
  @ApiProblem(404, 'No such provider in this LSP')
  create(@UuidParam('providerId') providerId: string, @Body() body: TaskInputDto): Promise<Task> {
    return this.tasks.create(providerId, body);
  }
}
