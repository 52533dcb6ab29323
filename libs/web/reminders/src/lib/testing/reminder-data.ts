import type { EmailMessageView, ReminderCadence, ReminderStepView } from '@dspt/contracts';

/** Test data: a step of the 2026-27 cycle. */
export function step(offsetDays: number, sendOn: string, overrides: Partial<ReminderStepView> = {}): ReminderStepView {
  return {
    offsetDays,
    sendOn,
    sendAt: `${sendOn}T08:00:00.000Z`,
    past: false,
    due: false,
    counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
    ...overrides,
  };
}

/** Test data: the 2026-27 cadence with the default steps, the first one past. */
export const CADENCE: ReminderCadence = {
  cycle: '2026-27',
  deadline: '2027-06-30',
  offsetsDays: [90, 30, 7],
  isDefault: true,
  defaultOffsetsDays: [90, 30, 7],
  steps: [
    step(90, '2027-04-01', { past: true, due: true, counts: { queued: 1, sent: 30, failed: 2, suppressed: 3 } }),
    step(30, '2027-06-01'),
    step(7, '2027-06-23'),
  ],
  updatedAt: null,
  bankHolidaysKnownUntil: null,
};

/** Test data: an email of the delivery log. */
export function email(id: string, overrides: Partial<EmailMessageView> = {}): EmailMessageView {
  return {
    id,
    kind: 'deadline_reminder',
    cycle: '2026-27',
    offsetDays: 90,
    providerId: 'p-oak',
    providerName: 'Oak House',
    contactId: 'c-pat',
    toName: 'Pat Manager',
    toEmail: 'pat@oak.example',
    subject: 'DSPT deadline 30 June 2027: 4 items left for Oak House',
    status: 'sent',
    attempts: 1,
    lastError: null,
    requestedBy: null,
    queuedAt: '2027-04-01T08:00:00.000Z',
    lastAttemptAt: '2027-04-01T08:00:02.000Z',
    sentAt: '2027-04-01T08:00:02.000Z',
    failedAt: null,
    suppressedAt: null,
    ...overrides,
  };
}

/** Test data: an email the mail server refused for good. */
export function failedEmail(id: string, overrides: Partial<EmailMessageView> = {}): EmailMessageView {
  return email(id, {
    status: 'failed',
    attempts: 1,
    lastError: '550 No such mailbox',
    sentAt: null,
    failedAt: '2027-04-01T08:00:03.000Z',
    ...overrides,
  });
}
