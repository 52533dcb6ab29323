import { ConfigurationError, parseAppConfig } from './parse-app-config';

describe('parseAppConfig', () => {
  it('gives working local defaults when nothing is set', () => {
    const config = parseAppConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres:postgres@127.0.0.1:5432/dspt');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
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
    const production = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), MFA_ENCRYPTION_KEY: 'k'.repeat(32) };
    expect(() => parseAppConfig({ ...production, CLOCK_FIXED_AT: '2027-04-01T08:00:00Z' })).toThrow(
      /CLOCK_FIXED_AT is for tests and demos: it is refused in production/,
    );
  });

  it('rejects a malformed DATABASE_URL with one line naming it and not echoing the value', () => {
    const attempt = () => parseAppConfig({ DATABASE_URL: 'mysql://secret-password@db/dspt' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/^Invalid configuration: DATABASE_URL must be a URL starting postgres:\/\/ or postgresql:\/\/$/);
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
      /SESSION_SECRET is required in production.*MFA_ENCRYPTION_KEY is required in production/,
    );
    const config = parseAppConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      MFA_ENCRYPTION_KEY: 'y'.repeat(40),
    });
    expect(config.SESSION_SECRET).toBe('x'.repeat(40));
    expect(config.MFA_ENCRYPTION_KEY).toBe('y'.repeat(40));
  });

  it('requires MFA and secure cookies by default everywhere except local development', () => {
    const secrets = { SESSION_SECRET: 'x'.repeat(40), MFA_ENCRYPTION_KEY: 'y'.repeat(40) };
    expect(parseAppConfig({ NODE_ENV: 'development' })).toMatchObject({ MFA_REQUIRED: false, SESSION_COOKIE_SECURE: false });
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

  it('migrates through DATABASE_URL unless a separate owner connection is given', () => {
    expect(parseAppConfig({ DATABASE_URL: 'postgres://app@db/dspt' }).DATABASE_MIGRATION_URL).toBe('postgres://app@db/dspt');
    expect(
      parseAppConfig({ DATABASE_URL: 'postgres://app@db/dspt', DATABASE_MIGRATION_URL: 'postgres://owner@db/dspt' })
        .DATABASE_MIGRATION_URL,
    ).toBe('postgres://owner@db/dspt');
  });

  it('rejects a short session secret', () => {
    expect(() => parseAppConfig({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET must be at least 32 characters');
  });
});
