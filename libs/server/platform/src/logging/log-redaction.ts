export const REDACTED = '[redacted]';

// Query parameters whose values are credentials by name.
const SECRET_PARAMETER = /token|code|secret|password|signature|sig|key|otp|hash|session/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a path segment or parameter value looks like a token rather than a name or an id: long, of URL-safe
 * characters, with letters and digits, and not a UUID (record ids stay in the logs; they name nobody).
 */
function looksLikeToken(value: string): boolean {
  return (
    value.length >= 24 &&
    /^[A-Za-z0-9._~%-]+$/.test(value) &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !UUID.test(value)
  );
}

/**
 * A request URL as it may be logged: the values of credential-like query parameters (`token`, `code`, ...)
 * and every token-like path segment or value are replaced by `[redacted]`. Unsubscribe, invitation and
 * password-reset links carry their credential in the URL; a log line must not.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const redactedPath = path
    .split('/')
    .map((segment) => (looksLikeToken(segment) ? REDACTED : segment))
    .join('/');
  if (queryAt === -1) {
    return redactedPath;
  }
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) {
        return looksLikeToken(pair) ? REDACTED : pair;
      }
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      return SECRET_PARAMETER.test(name) || looksLikeToken(value) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${redactedPath}?${query}`;
}

/** A PostgreSQL message without the value it quotes (`invalid input syntax for type uuid: "…"`). */
function redactMessage(message: string): string {
  return message.replace(/: ".*"$/s, `: "${REDACTED}"`);
}

/** An error as pino's standard serializer gives it: its own enumerable properties, plus type, message, stack. */
type SerializedError = Record<string, unknown> & { type?: string; message?: string; stack?: string };

/**
 * An error as it may be logged. Database errors (TypeORM's QueryFailedError, pg's errors) carry the SQL
 * parameters and PostgreSQL's `detail` ("Key (email)=(…)"), which hold names, email addresses and note
 * bodies: only the query text, the number of parameters and the error's codes and names are kept. Every
 * other property an error happens to carry is dropped too, so no new error type can leak through here.
 */
export function redactError(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    // `{ err: 'some text' }`: the logger's own words, not an error object with properties to leak.
    return value;
  }
  const serialized = value as SerializedError;
  const message = typeof serialized.message === 'string' ? serialized.message : '';
  const safeMessage = redactMessage(message);
  const stack = typeof serialized.stack === 'string' ? serialized.stack.replace(message, safeMessage) : undefined;
  const keep = (key: string) =>
    typeof serialized[key] === 'string' || typeof serialized[key] === 'number' ? { [key]: serialized[key] } : {};
  const driverError = (serialized['driverError'] ?? {}) as Record<string, unknown>;
  return {
    type: serialized.type,
    message: safeMessage,
    ...(stack ? { stack } : {}),
    ...keep('code'),
    ...keep('status'),
    ...keep('query'),
    ...(Array.isArray(serialized['parameters']) ? { parameterCount: serialized['parameters'].length } : {}),
    ...keep('constraint'),
    ...keep('table'),
    ...keep('column'),
    ...(typeof driverError['code'] === 'string' ? { sqlState: driverError['code'] } : {}),
    ...(typeof driverError['constraint'] === 'string' ? { constraint: driverError['constraint'] } : {}),
    ...(typeof driverError['table'] === 'string' ? { table: driverError['table'] } : {}),
  };
}
