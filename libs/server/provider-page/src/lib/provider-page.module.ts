import { AssessmentsModule } from '@dspt/server/assessments';
import { CaseworkModule } from '@dspt/server/casework';
import { ProvidersModule } from '@dspt/server/providers';
import { RemindersModule } from '@dspt/server/reminders';
import { Module } from '@nestjs/common';
import { ProviderPageController } from './provider-page.controller';
import { ProviderPageService } from './provider-page.service';

/** A provider's page in one request: composed of the modules that own each of its parts. */
@Module({
  imports: [ProvidersModule, AssessmentsModule, CaseworkModule, RemindersModule],
  controllers: [ProviderPageController],
  providers: [ProviderPageService],
})
export class ProviderPageModule {}
