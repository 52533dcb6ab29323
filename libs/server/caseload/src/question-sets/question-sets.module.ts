import { SpreadsheetsModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { QuestionSetsController } from './question-sets.controller';
import { QuestionSetsService } from './question-sets.service';

/** System admins' cycles and question-set imports. */
@Module({ imports: [SpreadsheetsModule], controllers: [QuestionSetsController], providers: [QuestionSetsService] })
export class QuestionSetsModule {}
