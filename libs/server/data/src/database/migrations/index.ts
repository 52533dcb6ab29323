import { CreateTenantsUsersMemberships1764000000000 } from './1764000000000-create-tenants-users-memberships';
import { CreateAssessmentCyclesQuestions1764000000001 } from './1764000000001-create-assessment-cycles-questions';
import { IdentityRowLevelSecurityAudit1764000000002 } from './1764000000002-identity-row-level-security-audit';
import { PasswordResets1764000000003 } from './1764000000003-password-resets';
import { Caseload1764000000004 } from './1764000000004-caseload';
import { CycleInUse1764000000005 } from './1764000000005-cycle-in-use';
import { TransferProvider1764000000006 } from './1764000000006-transfer-provider';
import { ProviderTriage1764000000007 } from './1764000000007-provider-triage';
import { RemindersAndTemplates1764000000010 } from './1764000000010-reminders-and-templates';
import { EmailClaims1764000000011 } from './1764000000011-email-claims';
import { CompletionStatistics1764000000020 } from './1764000000020-completion-statistics';
import { StatisticsNotifications1764000000021 } from './1764000000021-statistics-notifications';
import { StatisticsRecountEstimate1764000000022 } from './1764000000022-statistics-recount-estimate';
import { DatabaseRoles1764000000030 } from './1764000000030-database-roles';
import { Erasure1764000000031 } from './1764000000031-erasure';
import { UnsubscribesByAddressAndRetention1764000000032 } from './1764000000032-unsubscribes-by-address-and-retention';
import { UserOtherMemberships1764000000033 } from './1764000000033-user-other-memberships';
import { ContactPhoneAndOdsCheck1764000000040 } from './1764000000040-contact-phone-and-ods-check';
import { AuditSearchIndexes1764000000041 } from './1764000000041-audit-search-indexes';
import { TriagePointsAndNextTask1764000000043 } from './1764000000043-triage-points-and-next-task';
import { GuidanceChosenItems1764000000045 } from './1764000000045-guidance-chosen-items';
import { Coverage1764000000055 } from './1764000000055-coverage';
import { ReferenceRegisters1764000000049 } from './1764000000049-reference-registers';
import { DsptStatusList1764000000050 } from './1764000000050-dspt-status-list';
import { ProviderTransferRequests1764000000066 } from './1764000000066-provider-transfer-requests';
import { InvitationNamesTwoFactor1764000000068 } from './1764000000068-invitation-names-two-factor';
import { CurrentCycleChoice1764000000070 } from './1764000000070-current-cycle-choice';
import { StatisticsRecountAtCommit1764000000075 } from './1764000000075-statistics-recount-at-commit';
import { TriageVersionOncePerTransaction1764000000076 } from './1764000000076-triage-version-once-per-transaction';
import { ErasureOfNewerFreeText1764000000080 } from './1764000000080-erasure-of-newer-free-text';
import { AccessNotifications1764000000081 } from './1764000000081-access-notifications';

export { APP_ROLE } from './row-level-security';
export { AUTH_ROLE, SECRET_COLUMNS, TRANSFER_ROLE } from './1764000000030-database-roles';
export { RECONCILE_ROLE } from './1764000000050-dspt-status-list';
export { STATS_ROLE } from './1764000000020-completion-statistics';
export { COVERAGE_ROLE } from './1764000000055-coverage';
export { ACCESS_CHANNEL } from './1764000000081-access-notifications';
export { STATS_CELLS_CHANGED, STATS_CHANNEL } from './1764000000021-statistics-notifications';
export { useEmailHashKeyInMigrations } from './migration-keys';

/** Every migration in order. Listed explicitly so the bundled apps need no file globbing. */
export const MIGRATIONS = [
  CreateTenantsUsersMemberships1764000000000,
  CreateAssessmentCyclesQuestions1764000000001,
  IdentityRowLevelSecurityAudit1764000000002,
  PasswordResets1764000000003,
  Caseload1764000000004,
  CycleInUse1764000000005,
  TransferProvider1764000000006,
  ProviderTriage1764000000007,
  RemindersAndTemplates1764000000010,
  EmailClaims1764000000011,
  CompletionStatistics1764000000020,
  StatisticsNotifications1764000000021,
  StatisticsRecountEstimate1764000000022,
  DatabaseRoles1764000000030,
  Erasure1764000000031,
  UnsubscribesByAddressAndRetention1764000000032,
  UserOtherMemberships1764000000033,
  ContactPhoneAndOdsCheck1764000000040,
  AuditSearchIndexes1764000000041,
  TriagePointsAndNextTask1764000000043,
  GuidanceChosenItems1764000000045,
  ReferenceRegisters1764000000049,
  DsptStatusList1764000000050,
  Coverage1764000000055,
  ProviderTransferRequests1764000000066,
  InvitationNamesTwoFactor1764000000068,
  CurrentCycleChoice1764000000070,
  StatisticsRecountAtCommit1764000000075,
  TriageVersionOncePerTransaction1764000000076,
  ErasureOfNewerFreeText1764000000080,
  AccessNotifications1764000000081,
];
