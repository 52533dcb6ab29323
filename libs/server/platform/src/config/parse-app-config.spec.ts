import { apiProcessCount, ConfigurationError, parseAppConfig } from './parse-app-config';

/** Secrets of the shape production wants: long, random, of their own. */
const SESSION_SECRET = 'q7Vd0sLr9XwZk2Jm4Hc8Tn1By6Pg3Fa5';
const MFA_ENCRYPTION_KEY = 'Zr8Kp2Wm5Qx1Nd7Ls4Hj9Fb3Tc6Gv0Ya';
const EMAIL_HASH_KEY = 'Hm3Rt8Yw1Kc6Np0Qs5Vb9Xd2Lf7Jg4Za';
/** Production has no default login: the app's own, with a password of its own. */
const DATABASE_URL = 'postgres://dspt_portal:Wd4Nq7Xc2Lm9Rb5Tz8Kp@db/dspt';

describe('parseAppConfig', () => {
  it('gives working local defaults when nothing is set', () => {
    const config = parseAppConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://dspt_portal:dspt-portal-local-password@127.0.0.1:5432/dspt');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    [{}, 2, 2],
    [{}, 0, 1],
    [{ NODE_ENV: 'test' }, 4, 1],
    [{ NODE_ENV: 'test', API_PROCESSES: '3' }, 4, 3],
    [{ WEB_CONCURRENCY: '3' }, 8, 3],
    [{ API_PROCESSES: '2', WEB_CONCURRENCY: '5' }, 8, 2],
  ])('runs %j as the api processes on %i cores: %i', (env, cores, expected) => {
    expect(apiProcessCount(parseAppConfig(env), cores)).toBe(expected);
  });

  it('refuses a process count outside 1 to 64', () => {
    for (const value of ['0', '65', '1.5', 'many']) {
      expect(() => parseAppConfig({ API_PROCESSES: value })).toThrow(/API_PROCESSES/);
    }
  });

  it('coerces numbers and treats empty variables as unset', () => {
    expect(parseAppConfig({ PORT: '8080', REDIS_PREFIX: '' })).toMatchObject({ PORT: 8080, REDIS_PREFIX: 'dspt' });
  });

  it("takes the programme's target share in percent, 70 unless set", () => {
    expect(parseAppConfig({}).STATS_TARGET_PERCENT).toBe(70);
    expect(parseAppConfig({ STATS_TARGET_PERCENT: '65' }).STATS_TARGET_PERCENT).toBe(65);
    for (const value of ['0', '101', '70.5', 'seventy']) {
      expect(() => parseAppConfig({ STATS_TARGET_PERCENT: value })).toThrow(
        /^Invalid configuration: STATS_TARGET_PERCENT .*must be/,
      );
    }
  });

  it('trusts X-Forwarded-For only from the listed proxies (loopback unless set)', () => {
    expect(parseAppConfig({}).TRUST_PROXY).toEqual(['loopback']);
    expect(parseAppConfig({ TRUST_PROXY: '10.0.0.5, 172.18.0.0/16,fd00::/8,uniquelocal' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '172.18.0.0/16',
      'fd00::/8',
      'uniquelocal',
    ]);
    expect(parseAppConfig({ TRUST_PROXY: 'none' }).TRUST_PROXY).toEqual([]);
    for (const value of ['everything', '10.0.0.0/33', '10.0.0.1/8/1', 'true', ',', 'none,loopback']) {
      expect(() => parseAppConfig({ TRUST_PROXY: value })).toThrow(
        /^Invalid configuration: TRUST_PROXY must be none or a comma-separated list/,
      );
    }
  });

  it('serves the API docs outside production unless turned off, and in production only when turned on', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET, MFA_ENCRYPTION_KEY, EMAIL_HASH_KEY, DATABASE_URL };
    expect(parseAppConfig({}).API_DOCS_ENABLED).toBe(true);
    expect(parseAppConfig({ API_DOCS_ENABLED: 'false' }).API_DOCS_ENABLED).toBe(false);
    expect(parseAppConfig(production).API_DOCS_ENABLED).toBe(false);
    expect(parseAppConfig({ ...production, API_DOCS_ENABLED: 'true' }).API_DOCS_ENABLED).toBe(true);
  });

  it('takes the email settings: rate limit, retries, claims, guidance links and a fixed clock outside production', () => {
    expect(parseAppConfig({})).toMatchObject({
      MAIL_RATE_LIMIT_PER_SECOND: 0,
      MAIL_RETRY_BASE_SECONDS: 30,
      MAIL_SEND_LEASE_SECONDS: 300,
      WORKER_CONCURRENCY: 100,
    });
    expect(parseAppConfig({ CLOCK_FIXED_AT: '2027-04-01T08:00:00Z' }).CLOCK_FIXED_AT).toBe('2027-04-01T08:00:00Z');
    expect(() => parseAppConfig({ CLOCK_FIXED_AT: 'tomorrow' })).toThrow(/CLOCK_FIXED_AT .*must be a date and time/);
    expect(() => parseAppConfig({ GUIDANCE_URL_TEMPLATE: 'https://guidance.example/items' })).toThrow(
      /GUIDANCE_URL_TEMPLATE must be an http\(s\) URL containing \{code\}/,
    );
    const production = { NODE_ENV: 'production', SESSION_SECRET, MFA_ENCRYPTION_KEY, EMAIL_HASH_KEY, DATABASE_URL };
    expect(() => parseAppConfig({ ...production, CLOCK_FIXED_AT: '2027-04-01T08:00:00Z' })).toThrow(
      /CLOCK_FIXED_AT is for tests and demos: it is refused in production/,
    );
  });

  it('keeps email content 400 days and audit events 2,190 days unless set; audit retention can be off', () => {
    expect(parseAppConfig({})).toMatchObject({ EMAIL_BODY_RETENTION_DAYS: 400, AUDIT_RETENTION_DAYS: 2190 });
    expect(parseAppConfig({ EMAIL_BODY_RETENTION_DAYS: '30', AUDIT_RETENTION_DAYS: '3650' })).toMatchObject({
      EMAIL_BODY_RETENTION_DAYS: 30,
      AUDIT_RETENTION_DAYS: 3650,
    });
    expect(parseAppConfig({ AUDIT_RETENTION_DAYS: 'off' }).AUDIT_RETENTION_DAYS).toBeNull();
    for (const value of ['0', '-1', '1.5', 'never']) {
      expect(() => parseAppConfig({ EMAIL_BODY_RETENTION_DAYS: value })).toThrow(
        /^Invalid configuration: EMAIL_BODY_RETENTION_DAYS/,
      );
    }
    for (const value of ['364', '36501', 'never', '2190.5']) {
      expect(() => parseAppConfig({ AUDIT_RETENTION_DAYS: value })).toThrow(
        /^Invalid configuration: AUDIT_RETENTION_DAYS/,
      );
    }
    expect(() => parseAppConfig({ EMAIL_HASH_KEY: 'short' })).toThrow('EMAIL_HASH_KEY must be at least 32 characters');
  });

  it('rejects a malformed DATABASE_URL with one line naming it and not echoing the value', () => {
    const attempt = () => parseAppConfig({ DATABASE_URL: 'mysql://secret-password@db/dspt' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(
      /^Invalid configuration: DATABASE_URL must be a URL starting postgres:\/\/ or postgresql:\/\/$/,
    );
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-password');
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('names every bad variable at once', () => {
    expect(() => parseAppConfig({ PORT: 'eighty', SMTP_URL: 'http://mail' })).toThrow(/PORT.*; SMTP_URL/);
  });

  it('requires explicit secrets in production', () => {
    expect(() => parseAppConfig({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET is required in production.*MFA_ENCRYPTION_KEY is required in production.*EMAIL_HASH_KEY is required in production/,
    );
    const config = parseAppConfig({
      NODE_ENV: 'production',
      SESSION_SECRET,
      MFA_ENCRYPTION_KEY,
      EMAIL_HASH_KEY,
      DATABASE_URL,
    });
    expect(config.SESSION_SECRET).toBe(SESSION_SECRET);
    expect(config.MFA_ENCRYPTION_KEY).toBe(MFA_ENCRYPTION_KEY);
  });

  it.each([
    ['SESSION_SECRET', 'local-development-session-secret-change-me', /SESSION_SECRET is a published example value/],
    [
      'MFA_ENCRYPTION_KEY',
      'local-development-mfa-encryption-key-change-me',
      /MFA_ENCRYPTION_KEY is a published example value/,
    ],
    ['SESSION_SECRET', 'change-me-demo-session-secret-0123456789abcdef', /SESSION_SECRET is a published example value/],
    [
      'MFA_ENCRYPTION_KEY',
      'change-me-demo-mfa-encryption-key-0123456789',
      /MFA_ENCRYPTION_KEY is a published example value/,
    ],
    ['EMAIL_HASH_KEY', 'local-development-email-hash-key-change-me', /EMAIL_HASH_KEY is a published example value/],
    ['EMAIL_HASH_KEY', 'change-me-demo-email-hash-key-0123456789abcdef', /EMAIL_HASH_KEY is a published example value/],
    ['SESSION_SECRET', 'please-CHANGEME-before-going-live-now', /SESSION_SECRET looks like a placeholder/],
    ['MFA_ENCRYPTION_KEY', 'x'.repeat(40), /MFA_ENCRYPTION_KEY has fewer than 8 different characters/],
    ['SESSION_SECRET', 'abababababababababababababababab', /SESSION_SECRET has fewer than 8 different characters/],
  ])('refuses a well-known or predictable %s in production (%s)', (variable, value, message) => {
    const env = {
      NODE_ENV: 'production',
      SESSION_SECRET,
      MFA_ENCRYPTION_KEY,
      EMAIL_HASH_KEY,
      DATABASE_URL,
      [variable]: value,
    };
    expect(() => parseAppConfig(env)).toThrow(message);
    expect(() => parseAppConfig(env)).toThrow(/production needs a random value of its own/);
    expect(() => parseAppConfig(env)).not.toThrow(value);
    // Outside production the same values are accepted: the development defaults are exactly these.
    expect(parseAppConfig({ ...env, NODE_ENV: 'development' })[variable as 'SESSION_SECRET']).toBe(value);
  });

  it.each([
    'postgres://dspt_portal:dspt-portal-local-password@db/dspt',
    'postgres://dspt_portal:change-me-demo-app-db-password@db/dspt',
  ])('refuses a published database password in production (%s)', (url) => {
    const env = { NODE_ENV: 'production', SESSION_SECRET, MFA_ENCRYPTION_KEY, EMAIL_HASH_KEY, DATABASE_URL: url };
    expect(() => parseAppConfig(env)).toThrow(/DATABASE_URL's password is a published example value/);
    expect(() => parseAppConfig(env)).not.toThrow('change-me-demo-app-db-password');
    expect(() => parseAppConfig(env)).not.toThrow('dspt-portal-local-password');
    const ownPassword = 'postgres://dspt_portal:Vq8%40rT2nLx5Kw9ZpB3s@db/dspt';
    expect(parseAppConfig({ ...env, DATABASE_URL: ownPassword }).DATABASE_URL).toBe(ownPassword);
  });

  it('requires MFA and secure cookies by default everywhere except local development', () => {
    const secrets = { SESSION_SECRET, MFA_ENCRYPTION_KEY, EMAIL_HASH_KEY, DATABASE_URL };
    expect(parseAppConfig({ NODE_ENV: 'development' })).toMatchObject({
      MFA_REQUIRED: false,
      SESSION_COOKIE_SECURE: false,
    });
    expect(parseAppConfig({ NODE_ENV: 'test' })).toMatchObject({ MFA_REQUIRED: true, SESSION_COOKIE_SECURE: false });
    expect(parseAppConfig({ NODE_ENV: 'production', ...secrets })).toMatchObject({
      MFA_REQUIRED: true,
      SESSION_COOKIE_SECURE: true,
    });
    expect(parseAppConfig({ NODE_ENV: 'development', MFA_REQUIRED: 'true' }).MFA_REQUIRED).toBe(true);
    expect(() => parseAppConfig({ MFA_REQUIRED: 'yes' })).toThrow('MFA_REQUIRED must be true or false');
  });

  it('refuses an absolute session lifetime shorter than the idle timeout', () => {
    expect(() => parseAppConfig({ SESSION_IDLE_SECONDS: '600', SESSION_ABSOLUTE_SECONDS: '60' })).toThrow(
      'SESSION_ABSOLUTE_SECONDS must not be shorter than SESSION_IDLE_SECONDS',
    );
  });

  it('keeps the owner connection apart from the app login, reading the old DATABASE_MIGRATION_URL name too', () => {
    expect(parseAppConfig({ DATABASE_URL: 'postgres://app@db/dspt' }).DATABASE_OWNER_URL).toBeUndefined();
    expect(
      parseAppConfig({ DATABASE_URL: 'postgres://app@db/dspt', DATABASE_OWNER_URL: 'postgres://owner@db/dspt' })
        .DATABASE_OWNER_URL,
    ).toBe('postgres://owner@db/dspt');
    expect(
      parseAppConfig({ DATABASE_URL: 'postgres://app@db/dspt', DATABASE_MIGRATION_URL: 'postgres://old@db/dspt' })
        .DATABASE_OWNER_URL,
    ).toBe('postgres://old@db/dspt');
    expect(
      parseAppConfig({
        DATABASE_OWNER_URL: 'postgres://owner@db/dspt',
        DATABASE_MIGRATION_URL: 'postgres://old@db/dspt',
      }).DATABASE_OWNER_URL,
    ).toBe('postgres://owner@db/dspt');
    expect(() => parseAppConfig({ DATABASE_OWNER_URL: 'mysql://owner@db/dspt' })).toThrow(
      'DATABASE_OWNER_URL must be a URL starting postgres:// or postgresql://',
    );
  });

  it('rejects a short session secret', () => {
    expect(() => parseAppConfig({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET must be at least 32 characters');
  });
});
