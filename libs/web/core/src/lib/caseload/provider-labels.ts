import type { CaseNoteKind, ContactRole, ProviderKind, ProviderStatus, QuestionStatus } from '@dspt/domain';

/** A provider's standing in a cycle, as the DSPT and the portal's screens name it. */
export const PROVIDER_STATUS_LABELS: Readonly<Record<ProviderStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  ready_to_publish: 'Ready to publish',
  approaching_standards: 'Approaching Standards',
  standards_met: 'Standards Met',
  standards_exceeded: 'Standards Exceeded',
};

/** NHS.UK tag colours for each status: grey not begun, through to green done. */
export const PROVIDER_STATUS_COLOURS = {
  not_started: 'grey',
  in_progress: 'blue',
  ready_to_publish: 'purple',
  approaching_standards: 'orange',
  standards_met: 'green',
  standards_exceeded: 'aqua-green',
} as const satisfies Readonly<Record<ProviderStatus, string>>;

// Shared with the api's statistics, so they live in the domain.
export { SERVICE_TYPE_LABELS, SIZE_BAND_LABELS } from '@dspt/domain';

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  single_site: 'Single site',
  hq: 'Headquarters (HQ)',
  branch: 'Branch',
};

export const CONTACT_ROLE_LABELS: Readonly<Record<ContactRole, string>> = {
  dspt_admin: 'DSPT administrator',
  registered_manager: 'Registered manager',
  owner: 'Owner',
  other: 'Other',
};

export const QUESTION_STATUS_LABELS: Readonly<Record<QuestionStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

export const CASE_NOTE_KIND_LABELS: Readonly<Record<CaseNoteKind, string>> = {
  call: 'Phone call',
  email: 'Email',
  meeting: 'Meeting',
  visit: 'Visit',
  note: 'Note',
};
