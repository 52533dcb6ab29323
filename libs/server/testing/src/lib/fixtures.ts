import type { GlobalRole, TenantRole } from '@dspt/domain';
import { hashPassword, SecretCipher } from '@dspt/server/crypto';
import { dataSourceOptions } from '@dspt/server/database';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

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
    const owner = new DataSource(dataSourceOptions({ url: databaseUrl, poolSize: 2, applicationName: 'dspt-test-fixtures' }));
    await owner.initialize();
    return new Fixtures(owner, mfaKey);
  }

  close(): Promise<void> {
    return this.owner.destroy();
  }

  async tenant(label = 'lsp'): Promise<FixtureTenant> {
    const slug = `${label}-${randomBytes(4).toString('hex')}`;
    const name = `${label.toUpperCase()} Test Partnership ${slug.slice(-8)}`;
    const [row] = await this.owner.query(`INSERT INTO tenants (slug, name, region) VALUES ($1, $2, 'London') RETURNING id`, [slug, name]);
    return { id: row.id, slug, name };
  }

  /** A user with the fixture password; `mfa: true` enrols the fixture TOTP secret. */
  async user(options: { label?: string; globalRole?: GlobalRole; mfa?: boolean; email?: string } = {}): Promise<FixtureUser> {
    const email = options.email ?? `${options.label ?? 'user'}-${randomBytes(4).toString('hex')}@test.example`;
    this.passwordHash ??= hashPassword(FIXTURE_PASSWORD);
    const sealed = options.mfa ? new SecretCipher(this.mfaKey).encrypt(FIXTURE_TOTP_SECRET) : null;
    const [row] = await this.owner.query(
      `INSERT INTO users (email, display_name, password_hash, global_role, mfa_secret_encrypted, mfa_enrolled_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [email, `Test ${options.label ?? 'user'}`, await this.passwordHash, options.globalRole ?? null, sealed],
    );
    return { id: row.id, email, password: FIXTURE_PASSWORD, ...(options.mfa ? { totpSecret: FIXTURE_TOTP_SECRET } : {}) };
  }

  async member(tenant: FixtureTenant, role: TenantRole, options: { mfa?: boolean } = {}): Promise<FixtureUser> {
    const user = await this.user({ label: role, mfa: options.mfa });
    await this.owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [tenant.id, user.id, role]);
    return user;
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
