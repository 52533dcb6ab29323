/**
 * Keys some migrations need from the configuration, handed over by the command that runs them
 * (`cli.js migrate` passes EMAIL_HASH_KEY's SQL form). A migration that finds no key and has rows to
 * convert stops with a sentence saying so, rather than writing hashes no one can match.
 */
let emailHashSqlKey: Buffer | null = null;

export function useEmailHashKeyInMigrations(sqlKey: Buffer | null): void {
  emailHashSqlKey = sqlKey;
}

export function emailHashKeyForMigration(migration: string): Buffer {
  if (!emailHashSqlKey) {
    throw new Error(
      `${migration} must hash unsubscribed addresses with EMAIL_HASH_KEY: run it with "cli.js migrate", which passes the key`,
    );
  }
  return emailHashSqlKey;
}
