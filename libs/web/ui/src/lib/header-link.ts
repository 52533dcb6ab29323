/** A link in the header's account area or navigation bar. */
export interface HeaderLink {
  text: string;
  /** An app route, such as `/lsp/tyne-and-wear/users`. */
  path: string;
  /** Only the exact path counts as the current page (for a link to a parent of other links). */
  exact?: boolean;
}
