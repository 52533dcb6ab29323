import { AssessmentEntity } from './assessment.entity';
import { CaseNoteEntity } from './case-note.entity';
import { ProviderContactEntity } from './provider-contact.entity';
import { ProviderEntity } from './provider.entity';
import { PublicationEntity } from './publication.entity';
import { QuestionProgressEntity } from './question-progress.entity';
import { TaskEntity } from './task.entity';
import { AssessmentCycleEntity } from './assessment-cycle.entity';
import { AuditEventEntity } from './audit-event.entity';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { QuestionEntity } from './question.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';
import { EmailMessageEntity } from './email-message.entity';
import { EmailTemplateEntity } from './email-template.entity';
import { ReminderCadenceEntity } from './reminder-cadence.entity';
import { TenantEmailSettingsEntity } from './tenant-email-settings.entity';
import { TenantEmailTemplateEntity } from './tenant-email-template.entity';

export * from './assessment-cycle.entity';
export * from './audit-event.entity';
export * from './invitation.entity';
export * from './membership.entity';
export * from './password-reset.entity';
export * from './question.entity';
export * from './tenant.entity';
export * from './user.entity';

export * from './assessment.entity';
export * from './case-note.entity';
export * from './provider-contact.entity';
export * from './provider.entity';
export * from './publication.entity';
export * from './question-progress.entity';
export * from './task.entity';

export * from './email-message.entity';
export * from './email-template.entity';
export * from './reminder-cadence.entity';
export * from './tenant-email-settings.entity';
export * from './tenant-email-template.entity';

/** Every entity, listed explicitly so the bundled apps need no file globbing. */
export const ENTITIES = [
  TenantEntity,
  UserEntity,
  MembershipEntity,
  InvitationEntity,
  AuditEventEntity,
  PasswordResetEntity,
  AssessmentCycleEntity,
  QuestionEntity,
  ProviderEntity,
  ProviderContactEntity,
  AssessmentEntity,
  QuestionProgressEntity,
  PublicationEntity,
  CaseNoteEntity,
  TaskEntity,
  EmailTemplateEntity,
  TenantEmailTemplateEntity,
  TenantEmailSettingsEntity,
  ReminderCadenceEntity,
  EmailMessageEntity,
];
