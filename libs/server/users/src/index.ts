export * from './lib/invitation-email';
export * from './lib/invitations.service';
export * from './lib/members.service';
export * from './lib/users.module';
