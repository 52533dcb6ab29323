import type { ContactRole, ProviderKind } from '@dspt/domain';

/** `POST /api/tenants/{slug}/providers/{providerId}/erasure` (LSP admins): the provider is leaving the programme. */
export interface ProviderErasureRequest {
  /** The provider's ODS code, typed again to confirm. */
  confirmOdsCode: string;
}

/** What an erasure removed (rows deleted) or redacted (rows kept with the person's details replaced). */
export interface ErasureResult {
  /** The person's stable pseudonym in this LSP's audit trail (a keyed hash of the address). */
  pseudonyms: string[];
  providersDeleted: number;
  contactsDeleted: number;
  emailsRedacted: number;
  notesRedacted: number;
  tasksRedacted: number;
  progressCommentsRedacted: number;
  auditEventsRedacted: number;
}

export interface SubjectAccessProvider {
  name: string;
  odsCode: string;
  kind: ProviderKind;
}

/** `GET /api/tenants/{slug}/subject-access?email=` (LSP admins): everything the LSP holds about one address. */
export interface SubjectAccessExport {
  email: string;
  lsp: { slug: string; name: string };
  generatedAt: string;
  /** The address's pseudonym in this LSP's audit trail: earlier erasures and exports are found by it. */
  pseudonym: string;
  contacts: Array<{
    provider: SubjectAccessProvider;
    name: string;
    phone: string | null;
    role: ContactRole;
    isPrimary: boolean;
    /** When the person unsubscribed from this LSP's emails (null: subscribed). */
    unsubscribedAt: string | null;
    createdAt: string;
    updatedAt: string;
  }>;
  emails: Array<{
    provider: SubjectAccessProvider;
    kind: string;
    status: string;
    toName: string;
    subject: string | null;
    personalMessage: string | null;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
    failedAt: string | null;
    suppressedAt: string | null;
  }>;
  /** Emails to other people whose subject or personal message mentions them (the recipient is not shown). */
  emailsMentioning: Array<{
    provider: SubjectAccessProvider;
    kind: string;
    status: string;
    subject: string | null;
    personalMessage: string | null;
    createdAt: string;
    sentAt: string | null;
  }>;
  notes: Array<{ provider: SubjectAccessProvider; kind: string; body: string; occurredAt: string; createdAt: string }>;
  tasks: Array<{ provider: SubjectAccessProvider; title: string; dueOn: string; doneAt: string | null }>;
  /** Advisers' comments on a provider's progress with a DSPT question, by cycle and question code. */
  progressComments: Array<{
    provider: SubjectAccessProvider;
    cycle: string;
    questionCode: string;
    comment: string;
    updatedAt: string;
  }>;
  /** Why a provider's status was reconciled with the official DSPT list. */
  reconciliationReasons: Array<{ provider: SubjectAccessProvider; reason: string; resolvedAt: string }>;
  /**
   * Requests to move a provider to or from another LSP whose note or decline reason mentions them. The
   * provider is named as the request copied it: it may since have moved to the other LSP.
   */
  transferRequests: Array<{
    provider: { name: string; odsCode: string };
    status: string;
    note: string;
    declineReason: string | null;
    requestedAt: string;
    answeredAt: string | null;
  }>;
  auditEvents: Array<{
    occurredAt: string;
    action: string;
    targetType: string | null;
    targetId: string | null;
    before: unknown;
    after: unknown;
  }>;
}
