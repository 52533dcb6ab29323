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

export { APP_ROLE } from './row-level-security';
export { STATS_ROLE } from './1764000000020-completion-statistics';
export { STATS_CELLS_CHANGED, STATS_CHANNEL } from './1764000000021-statistics-notifications';

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
];
