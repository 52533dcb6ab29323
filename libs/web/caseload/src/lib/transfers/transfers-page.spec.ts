import { LspPages, SLUG } from '../testing/lsp-pages';
import {
  acceptRequestOne,
  declineRequestOne,
  NORTH,
  SOUTH,
  transferRequest as request,
} from '../testing/transfer-requests';

const URL = `/api/tenants/${SLUG}/transfer-requests`;

const LIST = {
  items: [
    request('1', { provider: { id: 'p-1', odsCode: 'V1', name: 'Provider 1', branchCount: 2 } }),
    request('2', { direction: 'outgoing', from: NORTH, to: SOUTH }),
    request('3', {
      status: 'declined',
      direction: 'outgoing',
      from: NORTH,
      to: SOUTH,
      declineReason: 'Outside our area',
      answeredBy: 'Ann South',
      answeredAt: '2026-08-10T10:00:00Z',
      version: 2,
    }),
  ],
  waiting: 1,
};

describe('TransfersPage', () => {
  let pages: LspPages;

  afterEach(() => pages.close());

  it('lists offers to the LSP, its own waiting offers, and answered requests with who and when', async () => {
    pages = new LspPages('admin');
    await pages.open(`/lsp/${SLUG}/transfers`);
    await pages.answer('GET', URL, LIST);

    expect(pages.text('h1')).toBe('Transfers between LSPs');
    expect(pages.text('[data-testid="incoming-request"] h3')).toBe('Provider 1 (V1)');
    expect(pages.cells('[data-testid="incoming-request"] .nhsuk-summary-list__row')).toEqual([
      ['From', 'South Care Network'],
      ['Asked', '9 August 2026 by Sam South'],
      ['Branches', '2 branches move with it'],
      ['Note', 'Moved to our area'],
    ]);
    expect(pages.text('[data-testid="outgoing-request"]')).toContain('Provider 2 (V2) to South Care Network');
    expect(pages.text('[data-testid="outcome"]')).toBe(
      'Asked 9 August 2026 by Sam South; declined 10 August 2026 by Ann South.',
    );
    expect(pages.text('[data-testid="decline-reason"]')).toBe('Reason: Outside our area');
  });

  it('accepts with the version it read, then says what moved', async () => {
    pages = new LspPages('admin');
    await pages.open(`/lsp/${SLUG}/transfers`);
    await pages.answer('GET', URL, LIST);

    await acceptRequestOne(pages, URL);
    expect(pages.text('[data-testid="transfer-confirmation"]')).toBe(
      'Provider 1 moved to North Care Alliance with its history.',
    );
  });

  it('declines only with a reason', async () => {
    pages = new LspPages('admin');
    await pages.open(`/lsp/${SLUG}/transfers`);
    await pages.answer('GET', URL, LIST);

    await declineRequestOne(pages, URL, 'Not our area');
    expect(pages.text('[data-testid="transfer-confirmation"]')).toContain('You declined Provider 1.');
  });

  it('shows a viewer the requests without answering them', async () => {
    pages = new LspPages('viewer');
    await pages.open(`/lsp/${SLUG}/transfers`);
    await pages.answer('GET', URL, LIST);

    expect(pages.element.querySelector('button')).toBeNull();
  });
});
