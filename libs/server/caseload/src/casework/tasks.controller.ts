import type { Task, TaskList } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskListQueryDto, TaskUpdateDto } from './casework.dto';
import { TasksService } from './tasks.service';

@ApiTags('casework')
@Controller('tenants/:tenantSlug/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: '"My tasks" by default: overdue first, then by due date' })
  async list(@Query() query: TaskListQueryDto): Promise<TaskList> {
    return { items: await this.tasks.list({ assignee: query.assignee ?? 'me', status: query.status ?? 'open' }) };
  }

  @Patch(':taskId')
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Change a task: title, due day, assignee, done' })
  @ApiProblem(404, 'No such task in this LSP')
  update(@UuidParam('taskId') taskId: string, @Body() body: TaskUpdateDto): Promise<Task> {
    return this.tasks.update(taskId, body);
  }
}
