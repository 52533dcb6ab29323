/** The pages of `@dspt/web/caseload` (an LSP's home, its caseload, a provider, My tasks, import). */
const CASELOAD_PAGE = /^\/lsp\/[^/]+(\/(caseload|providers\/[^/]+|tasks|import))?\/?$/;

export function isCaseloadPage(pathname: string): boolean {
  return CASELOAD_PAGE.test(pathname);
}

/**
 * Opened at a caseload page (the usual first page, and every bookmark of a provider), the app would
 * fetch that page's code only once it knows who is signed in, then its routes, then the page itself: one
 * round trip after another. Asking for them as the app starts fetches them while the user is loaded;
 * the router's own imports then find them.
 */
export function preloadFirstPage(pathname: string): void {
  if (isCaseloadPage(pathname)) {
    const below = pathname.split('/').slice(3).join('/');
    void import('@dspt/web/caseload').then((caseload) => caseload.preloadCaseloadPage(below));
  }
}
