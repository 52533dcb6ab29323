import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel the api listens on to forget the access it looked up (libs/server/identity AccessChanges). */
export const ACCESS_CHANNEL = 'access_changes';

/**
 * Tells the api when who may do what has changed, so its access guard can keep each user's account and
 * membership between requests instead of asking the database every time: any change to memberships, to
 * an account's address or programme-wide role, to an account's existence, or to an LSP's slug NOTIFY
 * access_changes. Notifications are sent when the transaction commits, and only if it does. Signing in
 * (which updates only sign-in and MFA columns) sends none.
 */
export class AccessNotifications1764000000081 implements MigrationInterface {
  name = 'AccessNotifications1764000000081';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION access_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('${ACCESS_CHANNEL}', '');
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER tr_memberships_access_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
         FOR EACH STATEMENT EXECUTE FUNCTION access_notify()`,
      `CREATE TRIGGER tr_users_access_notify AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, email, global_role ON users
         FOR EACH STATEMENT EXECUTE FUNCTION access_notify()`,
      `CREATE TRIGGER tr_tenants_access_notify AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, slug ON tenants
         FOR EACH STATEMENT EXECUTE FUNCTION access_notify()`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `DROP TRIGGER tr_tenants_access_notify ON tenants`,
      `DROP TRIGGER tr_users_access_notify ON users`,
      `DROP TRIGGER tr_memberships_access_notify ON memberships`,
      `DROP FUNCTION access_notify()`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
