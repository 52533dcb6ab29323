import {
  type AssessmentQuestion,
  assessmentProgress,
  type Progress,
  providerStatus,
  type ProviderStatus,
} from '@dspt/domain';

/** Where a provider stands in one cycle: derived status and "x of N mandatory". */
export interface CycleStanding {
  status: ProviderStatus;
  progress: Progress;
}

/**
 * The standing of a provider that has no assessment for the cycle yet (imported, or created before the
 * cycle was loaded): nothing started, so only items skipped by Cyber Essentials Plus count as met.
 */
export function standingWithoutAssessment(questions: readonly AssessmentQuestion[], hasCePlus: boolean): CycleStanding {
  const progress = assessmentProgress({ questions, statuses: new Map(), hasCePlus });
  return { progress, status: providerStatus({ publishedLevels: [], progress, anyProgress: false }) };
}
