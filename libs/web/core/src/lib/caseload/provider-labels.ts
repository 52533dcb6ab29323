import type { CaseNoteKind, ContactRole, ProviderKind, ProviderStatus, QuestionStatus, ServiceType, SizeBand } from '@dspt/domain';

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

export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  care_home_nursing: 'Care home (nursing)',
  care_home_residential: 'Care home (residential)',
  homecare: 'Homecare',
  supported_living: 'Supported living',
  day_care: 'Day care',
  other: 'Other service',
};

export const SIZE_BAND_LABELS: Readonly<Record<SizeBand, string>> = {
  micro: 'Micro (1 to 9 staff)',
  small: 'Small (10 to 49 staff)',
  medium: 'Medium (50 to 249 staff)',
  large: 'Large (250 or more staff)',
};

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
