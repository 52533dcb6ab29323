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

  it('requires an explicit session secret in production', () => {
    expect(() => parseAppConfig({ NODE_ENV: 'production' })).toThrow('SESSION_SECRET is required in production');
    expect(parseAppConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).SESSION_SECRET).toBe(
      'x'.repeat(40),
    );
  });

  it('rejects a short session secret', () => {
    expect(() => parseAppConfig({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET must be at least 32 characters');
  });
});
