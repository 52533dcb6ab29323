import type { ProviderStatus, PublicationLevel, QuestionLevel, QuestionStatus } from '@dspt/domain';

/** `GET /api/tenants/{slug}/providers/{id}/assessment?cycle=` (contract: DESIGN.md §7). */
export interface AssessmentView {
  cycle: string;
  deadline: string;
  progress: { completed: number; total: number };
  questions: AssessmentQuestionView[];
}

export interface AssessmentQuestionView {
  code: string;
  section: string;
  title: string;
  level: QuestionLevel;
  mandatory: boolean;
  cePlusSkippable: boolean;
  /** True when the provider holds CE+ and this item is skipped by it. */
  metByCePlus: boolean;
  status: QuestionStatus;
  comment: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** `PUT /api/tenants/{slug}/providers/{id}/assessment/questions/{code}?cycle=`. */
export interface QuestionProgressUpdate {
  status: QuestionStatus;
  comment?: string | null;
}

/** The answer to a progress update: the question as now saved, and what it did to the assessment. */
export interface QuestionProgressResult {
  question: AssessmentQuestionView;
  progress: { completed: number; total: number };
  status: ProviderStatus;
}

/** `GET .../blockers?cycle=`: the sentences the DSPT shows, in its order. */
export interface BlockerList {
  cycle: string;
  items: Array<{ code: string; section: string; title: string; sentence: string }>;
}

export interface PublicationView {
  id: string;
  cycle: string;
  level: PublicationLevel;
  publishedOn: string;
  /** For people: "2024-25 Standards Met, published 10/05/2025". */
  summary: string;
  /** Set when this row comes from the provider's HQ's publication. */
  coveredBy: { providerId: string; odsCode: string; name: string } | null;
  /** On an HQ's publication: the branches it covers. */
  covers: Array<{ providerId: string; odsCode: string; name: string }>;
  recordedBy: string | null;
}

/** `GET /api/tenants/{slug}/providers/{id}/publications`: every cycle, newest first. */
export interface PublicationList {
  items: PublicationView[];
}

/** `POST /api/tenants/{slug}/providers/{id}/publications`. */
export interface PublicationInput {
  level: PublicationLevel;
  publishedOn: string;
  cycle?: string;
  /** Mark these open mandatory items completed in the same step (the adviser saw them done on the DSPT). */
  completeItems?: string[];
  /** HQ only: branches (provider ids) this publication covers. */
  coversBranchIds?: string[];
}

/** `GET /api/admin/cycles` (system admin). */
export interface CycleSummary {
  code: string;
  startsOn: string;
  deadline: string;
  questions: number;
  mandatory: number;
  /** LSPs have started assessments: the question set can no longer be replaced. */
  inUse: boolean;
  /** The current cycle: what caseloads, reminders and statistics show unless told otherwise. */
  current: boolean;
  /** A system admin chose it as the current cycle (else the date decides). */
  chosenAsCurrent: boolean;
}

export interface CycleList {
  items: CycleSummary[];
}

/** `PUT /api/admin/cycles/{code}/questions` (multipart `file`). */
export interface QuestionSetImportResult {
  cycle: string;
  questions: number;
  mandatory: number;
  /** How many questions the cycle had before. */
  replaced: number;
  /** With `?dryRun=true`: nothing was saved, this is what the file would do. */
  dryRun?: boolean;
  /** Question codes the file adds, removes or changes, against the cycle's set as it was. */
  changes?: { added: string[]; removed: string[]; changed: string[]; unchanged: number };
}

/** `POST /api/admin/cycles`: a cycle named by its two years; its deadline is 30 June unless given. */
export interface CreateCycleRequest {
  code: string;
  deadline?: string;
}

/** `PUT /api/admin/cycles/current`: make a cycle the current one, or (null) leave it to the date again. */
export interface CurrentCycleRequest {
  code: string | null;
}

/** `PATCH /api/admin/cycles/{code}`: move a cycle's deadline (the caseload re-ranks). */
export interface ChangeCycleDeadlineRequest {
  deadline: string;
}
