export * from './invitation-email';
export * from './invitations.service';
export * from './members.service';
export * from './users.module';
