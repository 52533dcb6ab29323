import { type HeaderLink, headerLinkCurrent } from './header-link';

describe('headerLinkCurrent', () => {
  const campaigns: HeaderLink = { text: 'Campaigns', path: '/lsp/north/campaigns' };
  const manage: HeaderLink = { text: 'Manage LSP', path: '/lsp/north/manage', section: ['/lsp/north/users'] };

  it.each<[string, HeaderLink, string, 'page' | 'true' | null]>([
    ['its own page', campaigns, '/lsp/north/campaigns', 'page'],
    ['a page under it', campaigns, '/lsp/north/campaigns/30', 'true'],
    ['a page whose path only starts the same', campaigns, '/lsp/north/campaigns-old', null],
    ['a page of its section', manage, '/lsp/north/users', 'true'],
    ['a page under its section', manage, '/lsp/north/users/invite', 'true'],
    ['a page outside it', manage, '/lsp/north/caseload', null],
    ['a page under an exact link', { ...campaigns, exact: true }, '/lsp/north/campaigns/30', null],
    ['a page the server serves', { text: 'Queues', path: '/admin/queues', external: true }, '/admin/queues', null],
  ])('on %s', (_, link, path, expected) => {
    expect(headerLinkCurrent(link, path)).toBe(expected);
  });
});
