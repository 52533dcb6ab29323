import { AssessmentsModule, CaseworkModule, ProvidersModule } from '@dspt/server/caseload';
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
