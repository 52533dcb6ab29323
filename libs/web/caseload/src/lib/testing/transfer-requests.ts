import type { TransferRequestView } from '@dspt/contracts';
import type { RoutedPages } from '@dspt/web/auth/testing';
import { SLUG } from './lsp-pages';

export const NORTH = { slug: SLUG, name: 'North Care Alliance' };
export const SOUTH = { slug: 'south', name: 'South Care Network' };

/** Test data: South asking North to take provider `id`, waiting for an answer; `changes` alter it. */
export function transferRequest(id: string, changes: Partial<TransferRequestView> = {}): TransferRequestView {
  return {
    id,
    status: 'pending',
    direction: 'incoming',
    provider: { id: `p-${id}`, odsCode: `V${id}`, name: `Provider ${id}`, branchCount: 0 },
    from: SOUTH,
    to: NORTH,
    note: 'Moved to our area',
    declineReason: null,
    requestedBy: 'Sam South',
    requestedAt: '2026-08-09T10:00:00Z',
    answeredBy: null,
    answeredAt: null,
    version: 1,
    ...changes,
  };
}

/** Accepts request 1 on a transfers page listed from `url`: the version it read is sent, then the list is read again. */
export async function acceptRequestOne(pages: RoutedPages, url: string): Promise<void> {
  await pages.click('Accept Provider 1');
  const sent = await pages.answer('POST', `${url}/1/accept`, transferRequest('1', { status: 'accepted', version: 2 }));
  expect(sent.request.body).toEqual({ version: 1 });
  await pages.answer('GET', url, { items: [], waiting: 0 });
}

/**
 * Declines request 1 on a transfers page listed from `url`: refused without a reason (named in the error
 * summary), then sent with `reason` and the version it read, and the list is read again.
 */
export async function declineRequestOne(pages: RoutedPages, url: string, reason: string): Promise<void> {
  await pages.submit('decline-form');
  expect(pages.text('[data-testid="error-summary"]')).toContain('Enter why you are declining');
  await pages.set('decline-reason-1', reason);
  await pages.submit('decline-form');
  const sent = await pages.answer('POST', `${url}/1/decline`, transferRequest('1', { status: 'declined', version: 2 }));
  expect(sent.request.body).toEqual({ version: 1, reason });
  await pages.answer('GET', url, { items: [], waiting: 0 });
}
