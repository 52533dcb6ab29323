import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTenantsUsersMemberships1764000000000 implements MigrationInterface {
  name = 'CreateTenantsUsersMemberships1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT uq_tenants_slug UNIQUE
          CONSTRAINT ck_tenants_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CONSTRAINT ck_tenants_name CHECK (length(trim(name)) > 0),
        region text NOT NULL CONSTRAINT ck_tenants_region CHECK (region IN (
          'North East', 'North West', 'Yorkshire and The Humber', 'East Midlands', 'West Midlands',
          'East of England', 'London', 'South East', 'South West')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT uq_users_email UNIQUE
          CONSTRAINT ck_users_email_lower CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text,
        global_role text CONSTRAINT ck_users_global_role CHECK (global_role IN ('programme_lead', 'system_admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT ck_memberships_role CHECK (role IN ('viewer', 'adviser', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_memberships_user_tenant UNIQUE (user_id, tenant_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_memberships_tenant ON memberships (tenant_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE memberships`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE tenants`);
  }
}
