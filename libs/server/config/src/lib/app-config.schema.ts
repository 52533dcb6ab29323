import { z } from 'zod';

const DEV_SESSION_SECRET = 'local-development-session-secret-change-me';

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
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_ROOT: z.string().min(1).default('dist/apps/web/browser'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required in production' });
    }
  })
  .transform((env) => ({ ...env, SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET }));

export type AppConfig = z.output<typeof appConfigSchema>;
