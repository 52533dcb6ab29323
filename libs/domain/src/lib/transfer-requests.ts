/**
 * Moving a provider between LSPs as a request and an answer. The LSP that holds the provider (it moved
 * area) offers it to another LSP; that LSP accepts, and the provider moves with its whole history, or
 * declines with a reason. The offering LSP may cancel while the request waits. A system admin may answer
 * or cancel any request.
 */
export const TRANSFER_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type TransferRequestStatus = (typeof TRANSFER_REQUEST_STATUSES)[number];

export type TransferRequestAction = 'accept' | 'decline' | 'cancel';

/** Who acts on a request: the LSP that offered the provider, the LSP it was offered to, or a system admin. */
export type TransferRequestSide = 'from' | 'to' | 'programme';

export type TransferRequestRefusal = { kind: 'wrong_side' | 'answered'; message: string };

const ALLOWED_SIDES: Record<TransferRequestAction, readonly TransferRequestSide[]> = {
  accept: ['to', 'programme'],
  decline: ['to', 'programme'],
  cancel: ['from', 'programme'],
};

const WRONG_SIDE: Record<TransferRequestAction, string> = {
  accept: 'Only the LSP the provider was offered to can accept it',
  decline: 'Only the LSP the provider was offered to can decline it',
  cancel: 'Only the LSP that offered the provider can cancel the request',
};

const DONE_WORDS: Record<Exclude<TransferRequestStatus, 'pending'>, string> = {
  accepted: 'accepted',
  declined: 'declined',
  cancelled: 'cancelled',
};

/** Why `side` may not `action` a request in `status`, or null when it may. */
export function transferRequestRefusal(
  status: TransferRequestStatus,
  side: TransferRequestSide,
  action: TransferRequestAction,
): TransferRequestRefusal | null {
  if (!ALLOWED_SIDES[action].includes(side)) {
    return { kind: 'wrong_side', message: WRONG_SIDE[action] };
  }
  if (status !== 'pending') {
    return { kind: 'answered', message: `This request was already ${DONE_WORDS[status]}` };
  }
  return null;
}

/** The status an allowed action leaves a request in. */
export const TRANSFER_ACTION_OUTCOME: Record<TransferRequestAction, Exclude<TransferRequestStatus, 'pending'>> = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
};
