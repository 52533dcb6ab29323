import { z } from 'zod';

const DEV_SESSION_SECRET = 'local-development-session-secret-change-me';
const DEV_MFA_ENCRYPTION_KEY = 'local-development-mfa-encryption-key-change-me';

function urlWithProtocols(name: string, protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `${name} must be a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
}

const flag = (name: string) =>
  z.enum(['true', 'false'], { message: `${name} must be true or false` }).transform((value) => value === 'true');

const seconds = (name: string, max: number) =>
  z.coerce.number({ message: `${name} must be a number of seconds` }).int().min(1).max(max);

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`);

/**
 * Every environment variable the api and worker read. Defaults make a local checkout work with no
 * configuration; production must set the secrets (see README "Configuration").
 */
export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port('PORT').default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: urlWithProtocols('PUBLIC_URL', ['http:', 'https:']).default('http://localhost:3000'),
    DATABASE_URL: urlWithProtocols('DATABASE_URL', ['postgres:', 'postgresql:']).default(
      'postgres://postgres:postgres@127.0.0.1:5432/dspt',
    ),
    /** Owner connection for migrations and the demo seed; the api and worker never use it. */
    DATABASE_MIGRATION_URL: urlWithProtocols('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: urlWithProtocols('REDIS_URL', ['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'REDIS_PREFIX may hold only letters, digits, "_" and "-"')
      .default('dspt'),
    SMTP_URL: urlWithProtocols('SMTP_URL', ['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    MAIL_FROM: z.string().min(3).default('DSPT Support Portal <no-reply@dspt-portal.localhost>'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    MFA_ENCRYPTION_KEY: z.string().min(32, 'MFA_ENCRYPTION_KEY must be at least 32 characters').optional(),
    /** Every account must enrol a second factor. Defaults to true except in local development. */
    MFA_REQUIRED: flag('MFA_REQUIRED').optional(),
    SESSION_IDLE_SECONDS: seconds('SESSION_IDLE_SECONDS', 86_400).default(1_800),
    SESSION_ABSOLUTE_SECONDS: seconds('SESSION_ABSOLUTE_SECONDS', 7 * 86_400).default(43_200),
    /** Send the session cookie only over HTTPS. Defaults to true in production. */
    SESSION_COOKIE_SECURE: flag('SESSION_COOKIE_SECURE').optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCKOUT_SECONDS: seconds('LOGIN_LOCKOUT_SECONDS', 86_400).default(900),
    LOGIN_WINDOW_SECONDS: seconds('LOGIN_WINDOW_SECONDS', 86_400).default(900),
    LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
    LOGIN_IP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(50),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_ROOT: z.string().min(1).default('dist/apps/web/browser'),
    /**
     * Emails a worker process has in hand at once. Well above SMTP_POOL_SIZE, so the pool always has the
     * next message ready and claims and results are batched; a job holds no database connection.
     */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(100),
    /** Emails per second across all workers (BullMQ's limiter, shared in Redis); 0: no limit. */
    MAIL_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(0),
    /** First retry of a temporary SMTP failure (4xx) after this long, doubling each time. */
    MAIL_RETRY_BASE_SECONDS: seconds('MAIL_RETRY_BASE_SECONDS', 3_600).default(30),
    /** How long a worker's claim on an email lasts: longer than any send can take; a dead worker's claims expire after it. */
    MAIL_SEND_LEASE_SECONDS: seconds('MAIL_SEND_LEASE_SECONDS', 86_400).default(300),
    /** Link of each open item in guidance emails; {code} becomes the item's code. */
    GUIDANCE_URL_TEMPLATE: z
      .string()
      .refine((value) => value.includes('{code}') && /^https?:\/\//.test(value), {
        message: 'GUIDANCE_URL_TEMPLATE must be an http(s) URL containing {code}',
      })
      .default('https://www.dsptoolkit.nhs.uk/Help/Index?item={code}'),
    /** Tests and demos only: the portal's clock stands still at this instant (refused in production). */
    CLOCK_FIXED_AT: z.iso
      .datetime({ offset: true, message: 'CLOCK_FIXED_AT must be a date and time such as 2027-04-01T08:00:00Z' })
      .optional(),
    WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
    /** The programme's target: share of providers at Standards Met or above, in percent (statistics show it). */
    STATS_TARGET_PERCENT: z.coerce
      .number({ message: 'STATS_TARGET_PERCENT must be a number' })
      .int('STATS_TARGET_PERCENT must be a whole number')
      .min(1, 'STATS_TARGET_PERCENT must be between 1 and 100')
      .max(100, 'STATS_TARGET_PERCENT must be between 1 and 100')
      .default(70),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      for (const secret of ['SESSION_SECRET', 'MFA_ENCRYPTION_KEY'] as const) {
        if (!env[secret]) {
          ctx.addIssue({ code: 'custom', path: [secret], message: `${secret} is required in production` });
        }
      }
      if (env.CLOCK_FIXED_AT) {
        ctx.addIssue({
          code: 'custom',
          path: ['CLOCK_FIXED_AT'],
          message: 'CLOCK_FIXED_AT is for tests and demos: it is refused in production',
        });
      }
    }
    if (env.SESSION_ABSOLUTE_SECONDS < env.SESSION_IDLE_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_ABSOLUTE_SECONDS'],
        message: 'SESSION_ABSOLUTE_SECONDS must not be shorter than SESSION_IDLE_SECONDS',
      });
    }
  })
  .transform((env) => ({
    ...env,
    DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    MFA_ENCRYPTION_KEY: env.MFA_ENCRYPTION_KEY ?? DEV_MFA_ENCRYPTION_KEY,
    MFA_REQUIRED: env.MFA_REQUIRED ?? env.NODE_ENV !== 'development',
    SESSION_COOKIE_SECURE: env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === 'production',
  }));

export type AppConfig = z.output<typeof appConfigSchema>;
