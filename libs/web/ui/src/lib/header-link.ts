/** A link in the header's account area or navigation bar. */
export interface HeaderLink {
  text: string;
  /** An app route, such as `/lsp/tyne-and-wear/users`, or a page the server serves itself (see `external`). */
  path: string;
  /** A page outside the web app on the same site (the queue dashboard): an ordinary link that loads it. */
  external?: boolean;
  /** Only the exact path counts as the current page (for a link to a parent of other links). */
  exact?: boolean;
  /**
   * Other paths whose pages belong to this link's section: a hub links to pages that live elsewhere
   * (`/lsp/x/users` from `/lsp/x/manage`), and its link stays marked while the user is on one of them.
   */
  section?: readonly string[];
}

/**
 * How the header marks a link for the page at `path` (no query or fragment), as NHS.UK's header does:
 * `page` on the link's own page, `true` elsewhere in its section, `null` outside it.
 */
export function headerLinkCurrent(link: HeaderLink, path: string): 'page' | 'true' | null {
  if (link.external) {
    return null;
  }
  if (path === link.path) {
    return 'page';
  }
  const within = (parent: string) => path.startsWith(`${parent}/`);
  return (!link.exact && within(link.path)) || (link.section ?? []).some((parent) => path === parent || within(parent))
    ? 'true'
    : null;
}
