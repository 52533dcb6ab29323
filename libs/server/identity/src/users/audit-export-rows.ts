import { AUDIT_ACTIONS, AUDIT_ACTION_WORDS, type AuditEventView } from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';

/** The download's columns: the event in words first, then its raw parts for whoever checks it. */
export const AUDIT_EXPORT_COLUMNS = [
  'When (UK time)',
  'Who',
  'Action',
  'What happened',
  'Target type',
  'Target id',
  'Before',
  'After',
  'IP address',
] as const;

/** 2026-08-11 10:00:00 in Europe/London: sorts as text and reads the same in every spreadsheet program. */
const LONDON_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** One event as a download row; the spreadsheet writer neutralises formulas in every cell. */
export function auditExportRow(event: AuditEventView): string[] {
  const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
  return [
    LONDON_TIME.format(new Date(event.occurredAt)),
    event.actorEmail ?? 'The portal',
    event.action,
    isOneOf(AUDIT_ACTIONS, event.action) ? AUDIT_ACTION_WORDS[event.action] : event.action,
    event.targetType ?? '',
    event.targetId ?? '',
    json(event.before),
    json(event.after),
    event.ip ?? '',
  ];
}
