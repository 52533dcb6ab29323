import type { Progress } from './assessment-progress';
import type { PublicationLevel } from './publication-rules';

/** A provider's standing for one cycle, derived, never stored (DESIGN.md §7 stats keys use these). */
export const PROVIDER_STATUSES = [
  'not_started',
  'in_progress',
  'ready_to_publish',
  'approaching_standards',
  'standards_met',
  'standards_exceeded',
] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

const RANK: Record<PublicationLevel, number> = { approaching_standards: 1, standards_met: 2, standards_exceeded: 3 };

export interface StatusInput {
  /** Levels published in this cycle (an HQ publication counts for the branches it covers). */
  publishedLevels: readonly PublicationLevel[];
  progress: Progress;
  /** Whether any item has been touched (in progress or completed) this cycle. */
  anyProgress: boolean;
}

/** The best publication of the cycle if there is one; otherwise how far the assessment has got. */
export function providerStatus(input: StatusInput): ProviderStatus {
  if (input.publishedLevels.length > 0) {
    return [...input.publishedLevels].sort((a, b) => RANK[b] - RANK[a])[0];
  }
  if (input.progress.total > 0 && input.progress.completed === input.progress.total) {
    return 'ready_to_publish';
  }
  return input.anyProgress || input.progress.completed > 0 ? 'in_progress' : 'not_started';
}

/** Published at Standards Met or above: done for the cycle. */
export function isMetOrAbove(status: ProviderStatus): boolean {
  return status === 'standards_met' || status === 'standards_exceeded';
}
