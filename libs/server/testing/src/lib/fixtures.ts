import { cycleFromCode, type GlobalRole, type ProviderKind, type QuestionLevel, type TenantRole } from '@dspt/domain';
import { hashPassword, SecretCipher } from '@dspt/server/platform';
import { dataSourceOptions } from '@dspt/server/data';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { randomSiteCode } from './ods-codes';

export const FIXTURE_PASSWORD = 'fixture password for tests';
/** The demo secret; any account a fixture enrols uses it. */
export const FIXTURE_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export interface FixtureTenant {
  id: string;
  slug: string;
  name: string;
}

export interface FixtureUser {
  id: string;
  email: string;
  password: string;
  /** Set when the user has MFA enrolled. */
  totpSecret?: string;
}

/**
 * Test data written as the database owner (row-level security does not apply), so tests can set up
 * several tenants at once and check what the app's role can or cannot see. Every name is unique, so
 * tests never depend on each other's rows.
 */
export class Fixtures {
  private passwordHash: Promise<string> | undefined;

  private constructor(
    readonly owner: DataSource,
    private readonly mfaKey: string,
  ) {}

  /** `mfaKey` must be the MFA_ENCRYPTION_KEY of the app under test. */
  static async connect(databaseUrl: string, mfaKey: string): Promise<Fixtures> {
    const owner = new DataSource(
      dataSourceOptions({
        url: databaseUrl,
        poolSize: 2,
        applicationName: 'dspt-test-fixtures',
      }),
    );
    await owner.initialize();
    return new Fixtures(owner, mfaKey);
  }

  close(): Promise<void> {
    return this.owner.destroy();
  }

  async tenant(label = 'lsp'): Promise<FixtureTenant> {
    const slug = `${label}-${randomBytes(4).toString('hex')}`;
    const name = `${label.toUpperCase()} Test Partnership ${slug.slice(-8)}`;
    const [row] = await this.owner.query(
      `INSERT INTO tenants (slug, name, region) VALUES ($1, $2, 'London') RETURNING id`,
      [slug, name],
    );
    return { id: row.id, slug, name };
  }

  /** A user with the fixture password; `mfa: true` enrols the fixture TOTP secret. */
  async user(
    options: {
      label?: string;
      globalRole?: GlobalRole;
      mfa?: boolean;
      email?: string;
    } = {},
  ): Promise<FixtureUser> {
    const email = options.email ?? `${options.label ?? 'user'}-${randomBytes(4).toString('hex')}@test.example`;
    this.passwordHash ??= hashPassword(FIXTURE_PASSWORD);
    const sealed = options.mfa ? new SecretCipher(this.mfaKey).encrypt(FIXTURE_TOTP_SECRET) : null;
    const [row] = await this.owner.query(
      `INSERT INTO users (email, display_name, password_hash, global_role, mfa_secret_encrypted, mfa_enrolled_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [email, `Test ${options.label ?? 'user'}`, await this.passwordHash, options.globalRole ?? null, sealed],
    );
    return {
      id: row.id,
      email,
      password: FIXTURE_PASSWORD,
      ...(options.mfa ? { totpSecret: FIXTURE_TOTP_SECRET } : {}),
    };
  }

  async member(tenant: FixtureTenant, role: TenantRole, options: { mfa?: boolean } = {}): Promise<FixtureUser> {
    const user = await this.user({ label: role, mfa: options.mfa });
    await this.owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [
      tenant.id,
      user.id,
      role,
    ]);
    return user;
  }

  /** The 2025-26 cycle with two questions (one mandatory), created once per database. */
  async cycle(): Promise<{ id: string; questionIds: string[] }> {
    await this.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ('2025-26', '2025-07-01', '2026-06-30') ON CONFLICT (code) DO NOTHING`,
    );
    const [cycle] = await this.owner.query(`SELECT id FROM assessment_cycles WHERE code = '2025-26'`);
    await this.owner.query(
      `INSERT INTO questions (cycle_id, code, section, title, level, position) VALUES
         ($1, '1.1.5', 'Staffing and Roles', 'Senior responsible person', 'AS', 0),
         ($1, '7.1.1', 'Data Security', 'An optional item', 'none', 1)
       ON CONFLICT (cycle_id, code) DO NOTHING`,
      [cycle.id],
    );
    const questions: Array<{ id: string }> = await this.owner.query(
      `SELECT id FROM questions WHERE cycle_id = $1 ORDER BY position`,
      [cycle.id],
    );
    return {
      id: cycle.id,
      questionIds: questions.map((question) => question.id),
    };
  }

  /**
   * A cycle (e.g. "2023-24") with exactly this question set, in this order, created once per database:
   * for tests that need more than the two questions of `cycle()`.
   */
  async cycleWithQuestions(
    code: string,
    questions: Array<{ code: string; section: string; level: QuestionLevel; cePlusSkippable?: boolean }>,
  ): Promise<{ id: string; code: string }> {
    const dates = cycleFromCode(code);
    await this.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
      [code, dates.startsOn, dates.deadline],
    );
    const [cycle] = await this.owner.query(`SELECT id FROM assessment_cycles WHERE code = $1`, [code]);
    for (const [position, question] of questions.entries()) {
      await this.owner.query(
        `INSERT INTO questions (cycle_id, code, section, title, level, ce_plus_skippable, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cycle_id, code) DO NOTHING`,
        [
          cycle.id,
          question.code,
          question.section,
          `Evidence item ${question.code}`,
          question.level,
          question.cePlusSkippable ?? false,
          position,
        ],
      );
    }
    return { id: cycle.id, code };
  }

  /** A provider with a random site code, in the given LSP: a single site unless `kind` says (a branch needs `parentId`). */
  async provider(
    tenant: FixtureTenant,
    options: { name?: string; kind?: ProviderKind; parentId?: string; hasCePlus?: boolean } = {},
  ): Promise<{ id: string; odsCode: string }> {
    const odsCode = randomSiteCode();
    const [row] = await this.owner.query(
      `INSERT INTO providers (tenant_id, ods_code, name, kind, parent_id, has_ce_plus, service_type, size_band, local_authority, region)
       VALUES ($1, $2, $3, $4, $5, $6, 'care_home_residential', 'small', 'Leeds', 'Yorkshire and The Humber')
       ON CONFLICT (ods_code) DO NOTHING RETURNING id`,
      [
        tenant.id,
        odsCode,
        options.name ?? `Provider ${odsCode}`,
        options.kind ?? 'single_site',
        options.parentId ?? null,
        options.hasCePlus ?? false,
      ],
    );
    return row ? { id: row.id, odsCode } : this.provider(tenant, options);
  }

  /**
   * One row in every caseload table for a provider of this LSP: contact, assessment, progress, publication, note, task,
   * a failed reminder; and the LSP's own reminder cadence, email wording, reply-to and unsubscribe list.
   */
  async caseloadRows(tenant: FixtureTenant): Promise<{ providerId: string }> {
    const provider = await this.provider(tenant);
    const cycle = await this.cycle();
    const [assessment] = await this.owner.query(
      `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
       VALUES ($1, $2, $3, 1, 1, true, 'ready_to_publish') RETURNING id`,
      [tenant.id, provider.id, cycle.id],
    );
    const statements: Array<[string, unknown[]]> = [
      [
        `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary) VALUES ($1, $2, 'Pat Manager', $3, 'registered_manager', true)`,
        [tenant.id, provider.id, `manager-${provider.odsCode.toLowerCase()}@provider.example`],
      ],
      [
        `INSERT INTO question_progress (tenant_id, assessment_id, question_id, status) VALUES ($1, $2, $3, 'completed')`,
        [tenant.id, assessment.id, cycle.questionIds[0]],
      ],
      [
        `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on) VALUES ($1, $2, $3, 'standards_met', '2026-05-10')`,
        [tenant.id, provider.id, cycle.id],
      ],
      [
        `INSERT INTO case_notes (tenant_id, provider_id, kind, body, occurred_at) VALUES ($1, $2, 'call', 'Called the manager', now())`,
        [tenant.id, provider.id],
      ],
      [
        `INSERT INTO dspt_reconciliation_resolutions (tenant_id, provider_id, cycle_id, portal_level, official_level, reason)
         VALUES ($1, $2, $3, 'standards_met', NULL, 'Certificate seen on a visit')`,
        [tenant.id, provider.id, cycle.id],
      ],
      [
        `INSERT INTO tasks (tenant_id, provider_id, title, due_on) VALUES ($1, $2, 'Chase evidence', '2026-05-01')`,
        [tenant.id, provider.id],
      ],
      [
        `INSERT INTO provider_triage (tenant_id, provider_id, cycle_id, name, ods_code, kind, service_type, region, status,
                                      mandatory_completed, mandatory_total, overdue_tasks, priority_score, priority_reasons, at_risk,
                                      ranked_on, provider_version, cycle_revision)
         SELECT tenant_id, id, $2, name, ods_code, kind, service_type, region, 'ready_to_publish', 1, 1, 1, 5, '{"ready to publish"}', false,
                current_date, triage_version, 1
         FROM providers WHERE id = $1`,
        [provider.id, cycle.id],
      ],
      // Reminders and templates: a failed reminder to the contact, the LSP's own cadence, wording and reply-to.
      [
        `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, offset_days, idempotency_key, to_email, to_name,
                                     status, attempts, last_error, failed_at)
         SELECT $1, $2, c.id, $3::uuid, 'deadline_reminder', 30, 'reminder.' || $3::uuid::text || '.30.' || c.id::text, c.email, c.name,
                'failed', 1, '550 No such mailbox', now()
         FROM provider_contacts c WHERE c.provider_id = $2`,
        [tenant.id, provider.id, cycle.id],
      ],
      [
        `INSERT INTO reminder_cadences (tenant_id, cycle_id, offsets_days) VALUES ($1, $2, '{60,30,7}') ON CONFLICT DO NOTHING`,
        [tenant.id, cycle.id],
      ],
      [
        `INSERT INTO tenant_email_templates (tenant_id, key, subject, body)
         VALUES ($1, 'guidance', 'Guidance for {{providerName}}', '{{openItems}}') ON CONFLICT DO NOTHING`,
        [tenant.id],
      ],
      [
        `INSERT INTO tenant_email_settings (tenant_id, reply_to) VALUES ($1, 'help@lsp.example') ON CONFLICT DO NOTHING`,
        [tenant.id],
      ],
      [
        `INSERT INTO tenant_local_authorities (tenant_id, local_authority) VALUES ($1, 'Leeds') ON CONFLICT DO NOTHING`,
        [tenant.id],
      ],
      // An address (not the contact's) on the LSP's unsubscribe list: only its keyed hash is stored.
      [
        `INSERT INTO email_suppressions (tenant_id, email_hash) VALUES ($1, sha256(convert_to(gen_random_uuid()::text, 'UTF8')))`,
        [tenant.id],
      ],
      // The day's completion snapshot of the cycle (every LSP's cells, this provider's among them).
      [`SELECT stats_take_snapshot($1, current_date)`, [cycle.id]],
    ];
    for (const [sql, parameters] of statements) {
      await this.owner.query(sql, parameters);
    }
    return { providerId: provider.id };
  }

  async invitation(tenant: FixtureTenant, email: string, role: TenantRole = 'viewer'): Promise<string> {
    const [row] = await this.owner.query(
      `INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + interval '7 days') RETURNING id`,
      [tenant.id, email, role, randomBytes(32).toString('hex')],
    );
    return row.id;
  }
}
