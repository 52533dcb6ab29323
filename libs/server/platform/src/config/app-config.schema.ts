import { isIP } from 'node:net';
import { z } from 'zod';
import { spreadsheetLimitVariables } from './spreadsheet-limits.schema';

const DEV_SESSION_SECRET = 'local-development-session-secret-change-me';
const DEV_MFA_ENCRYPTION_KEY = 'local-development-mfa-encryption-key-change-me';
const DEV_EMAIL_HASH_KEY = 'local-development-email-hash-key-change-me';

/**
 * Secret values published in this repository (the development defaults above, docker-compose.yml's demo
 * values): anyone can read them, so production refuses them, as it refuses placeholders and values with
 * too few different characters to be random.
 */
const PUBLISHED_SECRETS = new Set([
  DEV_SESSION_SECRET,
  DEV_MFA_ENCRYPTION_KEY,
  DEV_EMAIL_HASH_KEY,
  'change-me-demo-session-secret-0123456789abcdef',
  'change-me-demo-mfa-encryption-key-0123456789',
  'change-me-demo-email-hash-key-0123456789abcdef',
  'dspt-portal-local-password',
  'change-me-demo-app-db-password',
]);
const MIN_DISTINCT_SECRET_CHARACTERS = 8;

/** Why a secret must not be used in production, or null when nothing is known against it. */
export function weakSecretReason(value: string): string | null {
  if (PUBLISHED_SECRETS.has(value)) {
    return 'is a published example value';
  }
  if (/change.?me|placeholder|example/i.test(value)) {
    return 'looks like a placeholder';
  }
  if (new Set(value).size < MIN_DISTINCT_SECRET_CHARACTERS) {
    return `has fewer than ${MIN_DISTINCT_SECRET_CHARACTERS} different characters, so it is not random`;
  }
  return null;
}

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
  z.coerce
    .number({ message: `${name} must be a number of seconds` })
    .int()
    .min(1)
    .max(max);

const count = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`);
const days = (name: string, min: number) =>
  z.coerce
    .number({ message: `${name} must be a number of days` })
    .int(`${name} must be a whole number of days`)
    .min(min, `${name} must be between ${min} and 36500 days`)
    .max(36_500, `${name} must be between ${min} and 36500 days`);

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`);

// Express's names for address ranges, usable in TRUST_PROXY besides addresses and CIDR ranges.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One TRUST_PROXY entry: an address, an address/prefix, or one of Express's range names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) {
    return true;
  }
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || extra !== undefined) {
    return false;
  }
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Every environment variable the api and worker read. Defaults make a local checkout work with no
 * configuration; production must set the secrets (see docs/configuration.md).
 */
export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port('PORT').default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: urlWithProtocols('PUBLIC_URL', ['http:', 'https:']).default('http://localhost:3000'),
    /**
     * The api's and worker's own login: a member of `dspt_app` only (never a superuser, BYPASSRLS or the
     * tables' owner: they refuse to start). `cli.js migrate` creates it, with this URL's password.
     */
    DATABASE_URL: urlWithProtocols('DATABASE_URL', ['postgres:', 'postgresql:']).default(
      'postgres://dspt_portal:dspt-portal-local-password@127.0.0.1:5432/dspt',
    ),
    /** The schema owner's connection, for migrations and the demo seed only; the api and worker never use it. */
    DATABASE_OWNER_URL: urlWithProtocols('DATABASE_OWNER_URL', ['postgres:', 'postgresql:']).optional(),
    /** Deprecated name of DATABASE_OWNER_URL, still read when that is not set. */
    DATABASE_MIGRATION_URL: urlWithProtocols('DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']).optional(),
    /** Connections of each api process (and of the worker): N api processes open up to N times this. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * How many api processes serve the port (Node's cluster): by default one per core (one in tests).
     * WEB_CONCURRENCY is read when this is not set, as hosting platforms set it.
     */
    API_PROCESSES: count('API_PROCESSES', 1, 64).optional(),
    WEB_CONCURRENCY: count('WEB_CONCURRENCY', 1, 64).optional(),
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
    /** Wrong passwords (or, counted apart, MFA codes) on one account from one address before waits begin. */
    LOGIN_FREE_FAILURES: count('LOGIN_FREE_FAILURES', 1, 100).default(5),
    /** The same from all addresses together: far above a person's mistakes, so a guesser elsewhere rarely delays the owner. */
    LOGIN_ACCOUNT_FREE_FAILURES: count('LOGIN_ACCOUNT_FREE_FAILURES', 1, 99).default(20),
    /** Consecutive failures on one account after which every try waits LOGIN_MAX_DELAY_SECONDS (NIST SP 800-63B: at most 100). */
    LOGIN_FAILURE_CEILING: count('LOGIN_FAILURE_CEILING', 2, 100).default(100),
    /** The longest wait between tries; waits double from 1 s up to it. */
    LOGIN_MAX_DELAY_SECONDS: seconds('LOGIN_MAX_DELAY_SECONDS', 86_400).default(900),
    /** How long failures are remembered after the last one (a success forgets them at once). */
    LOGIN_FAILURE_MEMORY_SECONDS: seconds('LOGIN_FAILURE_MEMORY_SECONDS', 30 * 86_400).default(86_400),
    LOGIN_WINDOW_SECONDS: seconds('LOGIN_WINDOW_SECONDS', 86_400).default(900),
    LOGIN_IP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(50),
    /** Password-reset requests per email address per LOGIN_WINDOW_SECONDS (counted apart from sign-in). */
    PASSWORD_RESET_LIMIT: count('PASSWORD_RESET_LIMIT', 1, 1_000).default(5),
    /**
     * The reverse proxies whose X-Forwarded-For the api believes (Express's `trust proxy`): addresses, CIDR
     * ranges or `loopback`/`linklocal`/`uniquelocal`, comma-separated, or `none`. From any other address the header is
     * ignored, so per-address limits and the audit trail see the real peer.
     */
    TRUST_PROXY: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .refine(
        (entries) =>
          (entries.length === 1 && entries[0] === 'none') || (entries.length > 0 && entries.every(isProxyAddress)),
        {
          message:
            'TRUST_PROXY must be none or a comma-separated list of IP addresses, CIDR ranges or loopback, linklocal, uniquelocal',
        },
      )
      // none: no proxy at all, the header is never believed.
      .transform((entries) => (entries[0] === 'none' ? [] : entries))
      .default(['loopback']),
    /** Serve the OpenAPI document and Swagger UI at /api/docs. Defaults to true except in production. */
    API_DOCS_ENABLED: flag('API_DOCS_ENABLED').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_ROOT: z.string().min(1).default('dist/apps/web/browser'),
    ...spreadsheetLimitVariables,
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
    /**
     * Keys the hashes of unsubscribed addresses (HMAC-SHA256). Changing it forgets every unsubscribe whose
     * contact row is gone (the others come back when re-hashed): set it once.
     */
    EMAIL_HASH_KEY: z.string().min(32, 'EMAIL_HASH_KEY must be at least 32 characters').optional(),
    /** Days an email's subject and personal message are kept after it was sent (the delivery record stays). */
    EMAIL_BODY_RETENTION_DAYS: days('EMAIL_BODY_RETENTION_DAYS', 1).default(400),
    /** Where the worker fetches the DSPT's organisation status list (CSV or XLSX); unset: no scheduled fetch. */
    DSPT_LIST_URL: urlWithProtocols('DSPT_LIST_URL', ['http:', 'https:']).optional(),
    /** When the worker fetches it (cron, Europe/London); the list changes about every 10 minutes. */
    DSPT_LIST_FETCH_CRON: z.string().min(9).default('15 */2 * * *'),
    /** Days audit events are kept (at least 365), or `off` to keep them for ever. */
    AUDIT_RETENTION_DAYS: z
      .union([z.literal('off'), days('AUDIT_RETENTION_DAYS', 365)], {
        message: 'AUDIT_RETENTION_DAYS must be a number of days from 365 to 36500, or off',
      })
      .default(2_190)
      .transform((value) => (value === 'off' ? null : value)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      for (const secret of ['SESSION_SECRET', 'MFA_ENCRYPTION_KEY', 'EMAIL_HASH_KEY'] as const) {
        const value = env[secret];
        const weakness = value ? weakSecretReason(value) : null;
        if (!value) {
          ctx.addIssue({ code: 'custom', path: [secret], message: `${secret} is required in production` });
        } else if (weakness) {
          ctx.addIssue({
            code: 'custom',
            path: [secret],
            message: `${secret} ${weakness}: production needs a random value of its own (e.g. openssl rand -base64 48)`,
          });
        }
      }
      const databasePassword = decodeURIComponent(new URL(env.DATABASE_URL).password);
      const databaseWeakness = databasePassword ? weakSecretReason(databasePassword) : null;
      if (databaseWeakness) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message: `DATABASE_URL's password ${databaseWeakness}: production needs a password of its own`,
        });
      }
      if (env.CLOCK_FIXED_AT) {
        ctx.addIssue({
          code: 'custom',
          path: ['CLOCK_FIXED_AT'],
          message: 'CLOCK_FIXED_AT is for tests and demos: it is refused in production',
        });
      }
    }
    if (env.LOGIN_ACCOUNT_FREE_FAILURES >= env.LOGIN_FAILURE_CEILING) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOGIN_ACCOUNT_FREE_FAILURES'],
        message: 'LOGIN_ACCOUNT_FREE_FAILURES must be below LOGIN_FAILURE_CEILING',
      });
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
    DATABASE_OWNER_URL: env.DATABASE_OWNER_URL ?? env.DATABASE_MIGRATION_URL,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    MFA_ENCRYPTION_KEY: env.MFA_ENCRYPTION_KEY ?? DEV_MFA_ENCRYPTION_KEY,
    EMAIL_HASH_KEY: env.EMAIL_HASH_KEY ?? DEV_EMAIL_HASH_KEY,
    MFA_REQUIRED: env.MFA_REQUIRED ?? env.NODE_ENV !== 'development',
    SESSION_COOKIE_SECURE: env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === 'production',
    API_DOCS_ENABLED: env.API_DOCS_ENABLED ?? env.NODE_ENV !== 'production',
  }));

export type AppConfig = z.output<typeof appConfigSchema>;
