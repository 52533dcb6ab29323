/** The pages of `@dspt/web/caseload` (an LSP's home, its caseload, a provider, My tasks, import). */
const CASELOAD_PAGE = /^\/lsp\/[^/]+(\/(caseload|providers\/[^/]+|tasks|import))?\/?$/;

export function isCaseloadPage(pathname: string): boolean {
  return CASELOAD_PAGE.test(pathname);
}

/**
 * Opened at a caseload page (the usual first page, and every bookmark of a provider), the app would
 * fetch that page's code only once it knows who is signed in: one round trip after another. Asking for
 * it as the app starts fetches it while the user is loaded; the router's own import then finds it.
 */
export function preloadFirstPage(pathname: string): void {
  if (isCaseloadPage(pathname)) {
    void import('@dspt/web/caseload');
  }
}
