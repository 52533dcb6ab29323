/** A link in the header's account area or navigation bar. */
export interface HeaderLink {
  text: string;
  /** An app route, such as `/lsp/tyne-and-wear/users`, or a page the server serves itself (see `external`). */
  path: string;
  /** A page outside the web app on the same site (the queue dashboard): an ordinary link that loads it. */
  external?: boolean;
  /** Only the exact path counts as the current page (for a link to a parent of other links). */
  exact?: boolean;
}
