/** The API's root for one LSP's resources: `/api/tenants/{slug}` (DESIGN.md §4). */
export function lspApiPath(slug: string): string {
  return `/api/tenants/${encodeURIComponent(slug)}`;
}
