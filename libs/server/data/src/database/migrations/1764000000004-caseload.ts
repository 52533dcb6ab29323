import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

// Values are spelt out, not imported from libs/domain: a migration must keep meaning what it meant when it ran.
const inList = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

const KINDS = ['single_site', 'hq', 'branch'];
const SERVICE_TYPES = [
  'care_home_nursing',
  'care_home_residential',
  'homecare',
  'supported_living',
  'day_care',
  'other',
];
const SIZE_BANDS = ['micro', 'small', 'medium', 'large'];
const CONTACT_ROLES = ['dspt_admin', 'registered_manager', 'owner', 'other'];
const PROVIDER_STATUSES = [
  'not_started',
  'in_progress',
  'ready_to_publish',
  'approaching_standards',
  'standards_met',
  'standards_exceeded',
];
const PUBLICATION_LEVELS = ['approaching_standards', 'standards_met', 'standards_exceeded'];
const NOTE_KINDS = ['call', 'email', 'meeting', 'visit', 'note'];
const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];

/** Tenant-owned tables of the caseload, in creation order (dropped in reverse). */
const TABLES = [
  'providers',
  'provider_contacts',
  'assessments',
  'question_progress',
  'publications',
  'case_notes',
  'tasks',
];

/**
 * The caseload (issue 4): providers and contacts, per-cycle assessments with per-question progress,
 * publications, case notes and tasks. Every table is tenant-owned with row-level security. `assessments`
 * keeps each provider's progress counts and derived status per cycle, updated in the same transaction as
 * the progress rows, so the caseload can filter and sort 30,000 providers without re-counting 1.3M rows.
 */
export class Caseload1764000000004 implements MigrationInterface {
  name = 'Caseload1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
      `CREATE TABLE providers (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         ods_code text NOT NULL CONSTRAINT uq_providers_ods_code UNIQUE
           CONSTRAINT ck_providers_ods_code CHECK (ods_code ~ '^[A-Z0-9]{3,6}$' AND ods_code !~ '^8'),
         name text NOT NULL CONSTRAINT ck_providers_name CHECK (length(trim(name)) > 0),
         kind text NOT NULL CONSTRAINT ck_providers_kind CHECK (kind IN (${inList(KINDS)})),
         parent_id uuid REFERENCES providers (id),
         service_type text NOT NULL CONSTRAINT ck_providers_service_type CHECK (service_type IN (${inList(SERVICE_TYPES)})),
         size_band text NOT NULL CONSTRAINT ck_providers_size_band CHECK (size_band IN (${inList(SIZE_BANDS)})),
         local_authority text NOT NULL,
         region text NOT NULL CONSTRAINT ck_providers_region CHECK (region IN (${inList(REGIONS)})),
         assigned_adviser_id uuid REFERENCES users (id) ON DELETE SET NULL,
         has_ce_plus boolean NOT NULL DEFAULT false,
         last_contact_at timestamptz,
         archived_at timestamptz,
         version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT ck_providers_branch_parent CHECK ((kind = 'branch') = (parent_id IS NOT NULL))
       )`,
      `CREATE INDEX ix_providers_tenant_name ON providers (tenant_id, name)`,
      `CREATE INDEX ix_providers_tenant_adviser ON providers (tenant_id, assigned_adviser_id)`,
      `CREATE INDEX ix_providers_parent ON providers (parent_id) WHERE parent_id IS NOT NULL`,
      `CREATE INDEX ix_providers_search ON providers USING gin ((name || ' ' || ods_code) gin_trgm_ops)`,

      `CREATE TABLE provider_contacts (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         name text NOT NULL,
         email text NOT NULL CONSTRAINT ck_provider_contacts_email CHECK (email = lower(email) AND email LIKE '%_@_%'),
         role text NOT NULL CONSTRAINT ck_provider_contacts_role CHECK (role IN (${inList(CONTACT_ROLES)})),
         is_primary boolean NOT NULL DEFAULT false,
         unsubscribed_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT uq_provider_contacts_email UNIQUE (provider_id, email)
       )`,
      `CREATE UNIQUE INDEX uq_provider_contacts_primary ON provider_contacts (provider_id) WHERE is_primary`,

      `CREATE TABLE assessments (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id),
         mandatory_completed integer NOT NULL DEFAULT 0,
         mandatory_total integer NOT NULL DEFAULT 0,
         any_progress boolean NOT NULL DEFAULT false,
         status text NOT NULL DEFAULT 'not_started' CONSTRAINT ck_assessments_status CHECK (status IN (${inList(PROVIDER_STATUSES)})),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT uq_assessments_provider_cycle UNIQUE (provider_id, cycle_id)
       )`,
      `CREATE INDEX ix_assessments_tenant_cycle_status ON assessments (tenant_id, cycle_id, status)`,

      `CREATE TABLE question_progress (
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
         question_id uuid NOT NULL REFERENCES questions (id),
         status text NOT NULL CONSTRAINT ck_question_progress_status CHECK (status IN ('not_started', 'in_progress', 'completed')),
         comment text,
         updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (assessment_id, question_id)
       )`,

      `CREATE TABLE publications (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id),
         level text NOT NULL CONSTRAINT ck_publications_level CHECK (level IN (${inList(PUBLICATION_LEVELS)})),
         published_on date NOT NULL,
         -- A branch covered by its HQ's publication gets a row of its own pointing at the HQ's.
         covered_by_id uuid REFERENCES publications (id) ON DELETE CASCADE,
         recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ix_publications_provider ON publications (provider_id, published_on DESC)`,
      `CREATE INDEX ix_publications_tenant_cycle ON publications (tenant_id, cycle_id)`,

      `CREATE TABLE case_notes (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         author_id uuid REFERENCES users (id) ON DELETE SET NULL,
         kind text NOT NULL CONSTRAINT ck_case_notes_kind CHECK (kind IN (${inList(NOTE_KINDS)})),
         body text NOT NULL CONSTRAINT ck_case_notes_body CHECK (length(trim(body)) > 0),
         occurred_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ix_case_notes_provider_time ON case_notes (provider_id, occurred_at DESC)`,

      `CREATE TABLE tasks (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
         title text NOT NULL CONSTRAINT ck_tasks_title CHECK (length(trim(title)) > 0),
         due_on date NOT NULL,
         done_at timestamptz,
         created_by uuid REFERENCES users (id) ON DELETE SET NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ix_tasks_assignee_open ON tasks (tenant_id, assignee_id, due_on) WHERE done_at IS NULL`,
      `CREATE INDEX ix_tasks_provider ON tasks (provider_id)`,

      ...TABLES.flatMap((table) => enableTenantIsolation(table)),
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO ${APP_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      for (const statement of disableTenantIsolation(table)) {
        await queryRunner.query(statement);
      }
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
