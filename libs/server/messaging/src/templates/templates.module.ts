import { Module } from '@nestjs/common';
import { EmailSettingsController } from './email-settings.controller';
import { EmailSettingsService } from './email-settings.service';
import { GlobalEmailTemplatesController, TenantEmailTemplatesController } from './email-templates.controller';
import { EmailTemplatesService } from './email-templates.service';

/** Email templates (global defaults, LSP overrides) and the LSP's reply-to address. */
@Module({
  controllers: [TenantEmailTemplatesController, GlobalEmailTemplatesController, EmailSettingsController],
  providers: [EmailTemplatesService, EmailSettingsService],
  exports: [EmailTemplatesService],
})
export class TemplatesModule {}

/** The services alone, for the worker (no routes). */
@Module({
  providers: [EmailTemplatesService],
  exports: [EmailTemplatesService],
})
export class TemplatesCoreModule {}
