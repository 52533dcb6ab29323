import type { TransferRequestStatus, TransferRequestView } from '@dspt/contracts';
import { formatPortalDate } from '@dspt/web/core';
import type { TagColour } from '@dspt/web/ui';

export const TRANSFER_STATUS_LABELS: Record<TransferRequestStatus, string> = {
  pending: 'Waiting',
  accepted: 'Accepted',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

export const TRANSFER_STATUS_COLOURS: Record<TransferRequestStatus, TagColour> = {
  pending: 'yellow',
  accepted: 'green',
  declined: 'red',
  cancelled: 'grey',
};

/** Who asked and answered, and when: "Asked 9 August 2026 by Sam; declined 10 August 2026 by Ann." */
export function transferOutcomeText(request: TransferRequestView): string {
  const asked = `Asked ${formatPortalDate(request.requestedAt)}${request.requestedBy ? ` by ${request.requestedBy}` : ''}`;
  const verb = TRANSFER_STATUS_LABELS[request.status].toLowerCase();
  const answered = `${verb} ${formatPortalDate(request.answeredAt)}${request.answeredBy ? ` by ${request.answeredBy}` : ''}`;
  return `${asked}; ${answered}.`;
}
