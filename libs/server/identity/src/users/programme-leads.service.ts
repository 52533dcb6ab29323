import type { ProgrammeLead } from '@dspt/contracts';
import { UserEntity, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { InvitationsService } from './invitations.service';

/** Programme leads are users with a global role; new ones join through an invitation with no LSP. */
@Injectable()
export class ProgrammeLeadsService {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly database: ScopedDatabase,
  ) {}

  async list(): Promise<ProgrammeLead[]> {
    const leads = await this.database.outsideTenants((manager) =>
      manager.find(UserEntity, { where: { globalRole: 'programme_lead' }, order: { email: 'ASC' } }),
    );
    const pending = await this.invitations.listPendingProgrammeLeadInvitations();
    return [
      ...leads.map((user) => ({
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        invitationPending: false,
      })),
      ...pending.map((invitation) => ({
        userId: null,
        email: invitation.email,
        displayName: null,
        invitationPending: true,
      })),
    ];
  }

  async invite(email: string): Promise<ProgrammeLead> {
    const invitation = await this.invitations.invite({ tenant: null, role: 'programme_lead' }, email);
    return { userId: null, email: invitation.email, displayName: null, invitationPending: true };
  }
}
