import {
  TRANSFER_REQUEST_STATUSES,
  type TransferRequestAction,
  transferRequestRefusal,
  type TransferRequestSide,
  type TransferRequestStatus,
} from './transfer-requests';

describe('transferRequestRefusal', () => {
  it.each<[TransferRequestAction, TransferRequestSide, string | null]>([
    ['accept', 'to', null],
    ['accept', 'programme', null],
    ['accept', 'from', 'Only the LSP the provider was offered to can accept it'],
    ['decline', 'to', null],
    ['decline', 'programme', null],
    ['decline', 'from', 'Only the LSP the provider was offered to can decline it'],
    ['cancel', 'from', null],
    ['cancel', 'programme', null],
    ['cancel', 'to', 'Only the LSP that offered the provider can cancel the request'],
  ])('a pending request: %s by %s → %s', (action, side, message) => {
    expect(transferRequestRefusal('pending', side, action)?.message ?? null).toBe(message);
  });

  it.each<[TransferRequestStatus, string]>([
    ['accepted', 'This request was already accepted'],
    ['declined', 'This request was already declined'],
    ['cancelled', 'This request was already cancelled'],
  ])('an answered request (%s) takes no second answer', (status, message) => {
    for (const action of ['accept', 'decline', 'cancel'] as const) {
      const side = action === 'cancel' ? 'from' : 'to';
      expect(transferRequestRefusal(status, side, action)).toEqual({ kind: 'answered', message });
    }
  });

  it('names the wrong side before the answered state, so nobody learns more than they may', () => {
    expect(transferRequestRefusal('accepted', 'from', 'accept')?.kind).toBe('wrong_side');
  });

  it('knows four statuses', () => {
    expect(TRANSFER_REQUEST_STATUSES).toEqual(['pending', 'accepted', 'declined', 'cancelled']);
  });
});
