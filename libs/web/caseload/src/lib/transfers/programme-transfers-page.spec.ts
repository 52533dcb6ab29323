import type { CurrentUser, TransferRequestView } from '@dspt/contracts';
import { RoutedPages } from '@dspt/web/auth/testing';
import { acceptRequestOne, declineRequestOne, transferRequest } from '../testing/transfer-requests';
import { ProgrammeTransfersPage } from './programme-transfers-page';

const SYSTEM_ADMIN: CurrentUser = {
  user: { id: 'user-1', email: 'sam@example.org', displayName: 'Sam Sysadmin', mfaEnrolled: true },
  memberships: [],
  roles: ['system_admin'],
};
const URL = '/api/transfer-requests';
/** The programme's list shows each request from neither LSP's side. */
function request(id: string, changes: Partial<TransferRequestView> = {}): TransferRequestView {
  return transferRequest(id, { direction: null, note: 'Moved to Durham', ...changes });
}

const LIST = {
  items: [
    request('1'),
    request('2', {
      status: 'accepted',
      answeredBy: 'Nina North',
      answeredAt: '2026-08-10T10:00:00Z',
      version: 2,
    }),
  ],
  waiting: 1,
};

describe('ProgrammeTransfersPage', () => {
  let pages: RoutedPages;

  beforeEach(() => {
    pages = new RoutedPages(SYSTEM_ADMIN, [{ path: 'admin/transfer-requests', component: ProgrammeTransfersPage }]);
  });

  afterEach(() => pages.close());

  it('lists waiting requests with both LSPs, and answered ones without links into an LSP', async () => {
    await pages.open('/admin/transfer-requests');
    await pages.answer('GET', URL, LIST);

    expect(pages.text('h1')).toBe('Transfer requests');
    expect(pages.text('[data-testid="incoming-request"] h3')).toBe('Provider 1 (V1)');
    expect(pages.cells('[data-testid="incoming-request"] .nhsuk-summary-list__row')).toEqual([
      ['From', 'South Care Network'],
      ['To', 'North Care Alliance'],
      ['Asked', '9 August 2026 by Sam South'],
      ['Note', 'Moved to Durham'],
    ]);
    expect(pages.text('[data-testid="incoming-request"]')).toContain('moves the provider to North Care Alliance');
    expect(pages.text('[data-testid="outcome"]')).toBe(
      'Asked 9 August 2026 by Sam South; accepted 10 August 2026 by Nina North.',
    );
    expect(pages.element.querySelector('[data-testid="answered-request"] a')).toBeNull();
  });

  it('accepts through the programme endpoint with the version it read', async () => {
    await pages.open('/admin/transfer-requests');
    await pages.answer('GET', URL, LIST);

    await acceptRequestOne(pages, URL);
    expect(pages.text('[data-testid="transfer-confirmation"]')).toBe(
      'Provider 1 moved to North Care Alliance with its history.',
    );
    expect(pages.text('[data-testid="no-incoming"]')).toBe('No request is waiting for an answer.');
  });

  it('declines only with a reason, named in the error summary', async () => {
    await pages.open('/admin/transfer-requests');
    await pages.answer('GET', URL, LIST);

    await declineRequestOne(pages, URL, 'Durham is not in our area');
    expect(pages.text('[data-testid="transfer-confirmation"]')).toBe(
      'You declined Provider 1 for North Care Alliance. South Care Network can see your reason.',
    );
  });

  it('says why an answer was refused and reads the list again', async () => {
    await pages.open('/admin/transfer-requests');
    await pages.answer('GET', URL, LIST);

    await pages.click('Accept Provider 1');
    await pages.refuse('POST', `${URL}/1/accept`, 409, 'This request changed since you opened it');
    await pages.answer('GET', URL, LIST);
    expect(pages.text('[role="alert"]')).toContain('This request changed since you opened it');
  });
});
