import type { AssessmentView, BlockerList, PublicationList } from './assessments';
import type { CaseNoteList, TaskList } from './casework';
import type { ProviderDetail } from './providers';
import type { EmailMessageList } from './reminders';
import type { TransferRequestList } from './transfers';

/**
 * `GET /api/tenants/{slug}/providers/{id}/page`: everything a provider's page shows when it opens, read in
 * one transaction, so the page asks once rather than once per section. Each part is what its own endpoint
 * answers; those stay, for the page to ask again after a change in one part, and for other callers.
 */
export interface ProviderPageView {
  provider: ProviderDetail;
  /** The current cycle's, as `.../assessment`; null before that cycle is loaded (that endpoint says so with a 404). */
  assessment: AssessmentView | null;
  /** As `.../blockers`; null when `assessment` is. */
  blockers: BlockerList | null;
  /** As `.../publications`. */
  publications: PublicationList;
  /** As `.../notes`. */
  notes: CaseNoteList;
  /** As `.../tasks`. */
  tasks: TaskList;
  /** Its accepted moves between LSPs, as `transfer-requests?providerId={id}&status=accepted`. */
  moves: TransferRequestList;
  /** Every email to it, as `.../emails`. */
  emails: EmailMessageList;
}
