import { TemplatesCoreModule } from '@dspt/server/messaging';
import { Module } from '@nestjs/common';
import { AccountMfaResetController } from './account-mfa-reset.controller';
import { AccountMfaResetService } from './account-mfa-reset.service';
import { AdvisersController } from './advisers.controller';
import { AuditEventsController } from './audit-events.controller';
import { InvitationLinksController } from './invitation-links.controller';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ProgrammeLeadsController } from './programme-leads.controller';
import { ProgrammeLeadsService } from './programme-leads.service';
import { TenantLookup } from './tenant-lookup';

/** LSP users, invitations, programme leads and the LSP's audit trail. */
@Module({
  imports: [TemplatesCoreModule],
  controllers: [
    MembersController,
    AdvisersController,
    InvitationsController,
    InvitationLinksController,
    ProgrammeLeadsController,
    AuditEventsController,
    AccountMfaResetController,
  ],
  providers: [MembersService, InvitationsService, ProgrammeLeadsService, TenantLookup, AccountMfaResetService],
  exports: [InvitationsService],
})
export class UsersModule {}
