/**
 * A cheap SQL filter for rows whose `columns` may mention one of the identifiers in `$1` (text[]): a
 * case-insensitive substring test that can only over-match. The exact rule (whole words) is then applied
 * in TypeScript with libs/domain `mentionsAny` / `redactIdentifiers`.
 */
export const MAY_MENTION = (columns: string) =>
  `EXISTS (SELECT 1 FROM unnest($1::text[]) AS identifier WHERE strpos(lower(concat_ws(' ', ${columns})), lower(identifier)) > 0)`;
