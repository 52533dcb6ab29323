import { appConfigSchema, type AppConfig } from './app-config.schema';

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Validates the environment. On failure throws a ConfigurationError whose message is one line naming
 * every bad variable; the values themselves are never echoed, since some are secrets.
 */
export function parseAppConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable (FOO=) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = appConfigSchema.safeParse(present);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    if (issue.code === 'invalid_value' || issue.code === 'invalid_type') {
      return `${variable} is invalid (${issue.message})`;
    }
    return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
  });
  throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
}

/** For process entry points: a bad configuration ends the process with one line on stderr, no stack trace. */
export function loadAppConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return parseAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The api processes to run: API_PROCESSES, else WEB_CONCURRENCY, else one per core, except in tests, where
 * one process keeps a test's requests and its logs together unless the test asks for more.
 */
export function apiProcessCount(
  config: Pick<AppConfig, 'API_PROCESSES' | 'WEB_CONCURRENCY' | 'NODE_ENV'>,
  cores: number,
): number {
  return config.API_PROCESSES ?? config.WEB_CONCURRENCY ?? (config.NODE_ENV === 'test' ? 1 : Math.max(1, cores));
}
