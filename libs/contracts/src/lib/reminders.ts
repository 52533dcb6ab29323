import type { EmailTemplateKey } from '@dspt/domain';

export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'suppressed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const EMAIL_KINDS = ['deadline_reminder', 'guidance'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export type EmailStatusCounts = Record<EmailStatus, number>;

/** One step of an LSP's reminder cadence for a cycle, with what happened to its emails so far. */
export interface ReminderStepView {
  /** Days before the deadline. */
  offsetDays: number;
  /** The working day it goes out (YYYY-MM-DD, England). */
  sendOn: string;
  /** 09:00 Europe/London on that day. */
  sendAt: string;
  /** Its time has come. */
  past: boolean;
  /** The step the planner sends now (the latest past step, until the next one starts or the deadline day ends). */
  due: boolean;
  counts: EmailStatusCounts;
}

/** `GET /api/tenants/{slug}/reminders/cadence?cycle=` and the answer of `PUT` (same path). */
export interface ReminderCadence {
  cycle: string;
  deadline: string;
  offsetsDays: number[];
  /** True while the LSP uses the cycle's default steps. */
  isDefault: boolean;
  defaultOffsetsDays: number[];
  steps: ReminderStepView[];
  updatedAt: string | null;
  /** The last day the portal's bank-holiday table covers, set only when a step goes out after it. */
  bankHolidaysKnownUntil: string | null;
}

/** `PUT /api/tenants/{slug}/reminders/cadence`. */
export interface ReminderCadenceInput {
  cycle: string;
  /** Days before the deadline, 1 to 365, at most 10; null goes back to the cycle's defaults. */
  offsetsDays: number[] | null;
}

/** One provider a step will email. */
export interface ReminderAudienceMember {
  providerId: string;
  providerName: string;
  odsCode: string;
  contactId: string;
  contactName: string;
  contactEmail: string;
  itemsLeft: number;
  /** Already has an email of this step in the outbox (any status). */
  alreadyPlanned: boolean;
}

/** `GET /api/tenants/{slug}/reminders/preview?cycle=&offsetDays=&page=&pageSize=`. */
export interface ReminderPreview {
  cycle: string;
  offsetDays: number;
  sendOn: string;
  sendAt: string;
  /** How many providers the step emails (all pages). */
  total: number;
  /** Active providers left out, by reason. */
  excluded: { publishedAtStandardsMet: number; unsubscribed: number; noPrimaryContact: number };
  items: ReminderAudienceMember[];
  page: number;
  pageSize: number;
}

/** One email in a delivery log. */
export interface EmailMessageView {
  id: string;
  kind: EmailKind;
  cycle: string;
  /** The reminder step; null for guidance. */
  offsetDays: number | null;
  providerId: string;
  providerName: string;
  contactId: string | null;
  toName: string;
  toEmail: string;
  /** Set once rendered for sending. */
  subject: string | null;
  status: EmailStatus;
  attempts: number;
  /** Why it failed, was suppressed or is being retried (e.g. "550 No such mailbox"). */
  lastError: string | null;
  requestedBy: { id: string; displayName: string } | null;
  queuedAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  suppressedAt: string | null;
}

/**
 * `GET /api/tenants/{slug}/emails?cycle=&offsetDays=&kind=&status=&page=&pageSize=` (newest first) and
 * `GET /api/tenants/{slug}/providers/{id}/emails`.
 */
export interface EmailMessageList {
  items: EmailMessageView[];
  total: number;
  counts: EmailStatusCounts;
}

/** `POST /api/tenants/{slug}/providers/{id}/guidance-emails/preview`: what would be sent, nothing sent. */
export interface GuidanceEmailPreviewInput {
  /** A contact of the provider; the primary contact when neither this nor contactIds is given. */
  contactId?: string;
  /** Contacts of the provider, one email each (instead of contactId). */
  contactIds?: string[];
  /** Codes among the provider's open mandatory items to list; every open item when left out. */
  questionCodes?: string[];
  /** A personal message placed where the template has {{personalMessage}}. */
  message?: string;
}

/** `POST /api/tenants/{slug}/providers/{id}/guidance-emails`. */
export interface GuidanceEmailInput extends GuidanceEmailPreviewInput {
  /** Sending the same requestId again sends nothing new (a double click, a retried request). */
  requestId?: string;
}

/** The answer to a guidance email request: the first email's view (as before), and one per recipient. */
export interface GuidanceEmailsQueued extends EmailMessageView {
  messages: EmailMessageView[];
}

/** The guidance email each chosen contact would get, rendered exactly as it would be sent. */
export interface GuidanceEmailPreview {
  emails: Array<RenderedEmailView & { contactId: string; toName: string }>;
}

/** An email template as an LSP sees it: its own wording, or the global default. */
export interface EmailTemplateView {
  key: EmailTemplateKey;
  subject: string;
  body: string;
  /** True when the LSP has its own wording. */
  isOverride: boolean;
  defaultSubject: string;
  defaultBody: string;
  placeholders: string[];
  updatedAt: string | null;
}

/** `GET /api/tenants/{slug}/email-templates` and `GET /api/admin/email-templates`. */
export interface EmailTemplateList {
  items: EmailTemplateView[];
}

/** `PUT /api/tenants/{slug}/email-templates` and `PUT /api/admin/email-templates`. */
export interface EmailTemplateInput {
  key: EmailTemplateKey;
  subject: string;
  body: string;
}

/** `POST /api/tenants/{slug}/email-templates/preview`: a template (saved, or the draft given) filled with a real provider's data. */
export interface EmailTemplatePreviewInput {
  key: 'deadline_reminder' | 'guidance';
  providerId: string;
  /** A draft to preview instead of the saved wording (both or neither). */
  subject?: string;
  body?: string;
  message?: string;
  cycle?: string;
}

export interface RenderedEmailView {
  to: string | null;
  from: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
}

/** `GET|PUT /api/tenants/{slug}/email-settings`. */
export interface EmailSettings {
  /** Where replies go; null: to the portal's own address. */
  replyTo: string | null;
  /** The name emails come from: always the LSP's name. */
  senderName: string;
}

export interface EmailSettingsInput {
  replyTo: string | null;
}

/** `GET /api/unsubscribe?token=` (public) and the answer of `POST` (same path). */
export interface UnsubscribeView {
  /** The address, partly hidden: p***@example.com. */
  email: string;
  lspName: string;
  providerName: string;
  unsubscribed: boolean;
  unsubscribedAt: string | null;
}

/** `POST /api/tenants/{slug}/providers/{id}/contacts/{contactId}/resubscribe`. */
export interface ResubscribeInput {
  /** The person's own request: how and when they asked to get emails again (kept in the audit trail and notes). */
  request: string;
}

/** `POST /api/system/reminders/plan`. */
export interface ReminderPlanResult {
  plannedAt: string;
  /** One line per LSP and cycle that had a step due. */
  steps: Array<{ tenantSlug: string; cycle: string; offsetDays: number; created: number; enqueued: number }>;
  created: number;
  enqueued: number;
  /** Other emails still waiting (guidance, earlier steps), queued again in case Redis lost their jobs. */
  requeued: number;
  seconds: number;
}
