import { Module } from '@nestjs/common';
import { CaseNotesController } from './case-notes.controller';
import { CaseNotesService } from './case-notes.service';
import { ProviderTasksController } from './provider-tasks.controller';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Case notes and follow-up tasks: an adviser's record of their work with each provider. */
@Module({
  controllers: [CaseNotesController, ProviderTasksController, TasksController],
  providers: [CaseNotesService, TasksService],
  exports: [CaseNotesService, TasksService],
})
export class CaseworkModule {}
