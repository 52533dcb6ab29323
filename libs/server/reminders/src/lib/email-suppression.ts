import type { EmailMessageKind } from '@dspt/server/data';
import type { EmailRenderData } from './email-render-data';

/**
 * Why an email planned or requested earlier must not go out now (it becomes `suppressed`), or null. Checked
 * by the sender at send time, in the same transaction that would record it as sent.
 */
export function suppressionReason(kind: EmailMessageKind, data: EmailRenderData): string | null {
  if (!data.contact) {
    return 'The contact was removed';
  }
  if (data.contact.unsubscribedAt) {
    return 'The contact unsubscribed';
  }
  if (kind === 'deadline_reminder') {
    if (data.archived) {
      return 'The provider was archived';
    }
    if (data.publishedMetOrAbove) {
      return 'The provider published at Standards Met or above';
    }
    if (!data.contact.isPrimary) {
      return 'No longer the primary contact';
    }
  }
  return null;
}
