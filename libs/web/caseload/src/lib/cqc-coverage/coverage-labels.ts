import type { CoverageStatus } from '@dspt/domain';
import type { TagColour } from '@dspt/web/ui';

export const COVERAGE_STATUS_LABELS: Readonly<Record<CoverageStatus, { label: string; colour: TagColour }>> = {
  in_caseload: { label: 'In this caseload', colour: 'green' },
  elsewhere: { label: "In another LSP's caseload", colour: 'blue' },
  not_engaged: { label: 'Not engaged', colour: 'orange' },
};

const DSPT_STATUS_LABELS: Readonly<Record<string, string>> = {
  standards_exceeded: 'Standards Exceeded',
  standards_met: 'Standards Met',
  approaching_standards: 'Approaching Standards',
  not_published: 'Not published',
};

/** A DSPT list status in words; "Not on the list" when the list does not name the location. */
export function dsptStatusLabel(status: string | null): string {
  return status ? (DSPT_STATUS_LABELS[status] ?? status) : 'Not on the list';
}
