import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/lsp/north/users', '/lsp/north/users'],
    ['/admin/tenants?page=2', '/admin/tenants?page=2'],
    [undefined, null],
    ['', null],
    ['https://evil.example/', null],
    ['//evil.example/path', null],
    ['/\\evil.example', null],
    ['/sign-in?returnUrl=/x', null],
    ['/account/mfa', null],
  ])('%j → %j', (candidate, expected) => {
    expect(safeReturnUrl(candidate)).toBe(expected);
  });
});
