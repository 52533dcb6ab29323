import { isCaseloadPage } from './preload-first-page';

describe('isCaseloadPage', () => {
  it.each([
    ['/lsp/tyne-and-wear-care-alliance', true],
    ['/lsp/tyne-and-wear-care-alliance/', true],
    ['/lsp/tyne-and-wear-care-alliance/caseload', true],
    ['/lsp/tyne-and-wear-care-alliance/providers/8716b958-ba8b-4411-971e-7803e0b8db02', true],
    ['/lsp/tyne-and-wear-care-alliance/tasks', true],
    ['/lsp/tyne-and-wear-care-alliance/import', true],
    ['/lsp/tyne-and-wear-care-alliance/statistics', false],
    ['/lsp/tyne-and-wear-care-alliance/users', false],
    ['/lsp/tyne-and-wear-care-alliance/campaigns/2026-27', false],
    ['/statistics', false],
    ['/sign-in', false],
    ['/', false],
  ])('%s → %s', (pathname, expected) => {
    expect(isCaseloadPage(pathname)).toBe(expected);
  });
});
