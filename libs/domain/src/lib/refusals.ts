/** The field (or file row) a refusal is about, and what is wrong with it. */
export interface RefusalDetail {
  field: string;
  row?: number;
  message: string;
}

/**
 * Why the portal refuses a request, in the business's terms. Services throw a `Refusal`; the HTTP edge
 * (`ApiExceptionFilter` in libs/server/platform/src/http) maps each kind to one status code, so no service speaks HTTP
 * and a new kind cannot compile without a status.
 */
export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unprocessable'
  | 'too_many'
  | 'unavailable';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** One per bad field or row, or per field someone else changed (a conflict). */
    readonly details: readonly RefusalDetail[] = [],
    /** For `too_many` and `unavailable`: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: one detail per bad field or row. */
export class InvalidInput extends Refusal {
  constructor(message: string, details: readonly RefusalDetail[]) {
    super('invalid', message, details);
  }
}

/** Bad input in one field: the message is the problem itself, and the detail names the field. */
export function invalidField(field: string, message: string): InvalidInput {
  return new InvalidInput(message, [{ field, message }]);
}

/** Not signed in, or a credential (password, code, link) that does not prove who this is. */
export class NotSignedIn extends Refusal {
  constructor(message: string) {
    super('unauthenticated', message);
  }
}

/** Signed in, but this person may not do this. */
export class NotAllowed extends Refusal {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** No such thing, or none this person may see (another LSP's looks the same as none). */
export class NotFound extends Refusal {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** The thing is not in a state that allows this (already done, changed by someone else, taken). */
export class Conflict extends Refusal {
  constructor(message: string, details: readonly RefusalDetail[] = []) {
    super('conflict', message, details);
  }
}

/** It was there once and is not any more (an expired or used link). */
export class Gone extends Refusal {
  constructor(message: string) {
    super('gone', message);
  }
}

/** An upload or request over a size limit. */
export class TooLarge extends Refusal {
  constructor(message: string, details: readonly RefusalDetail[] = []) {
    super('too_large', message, details);
  }
}

/** Well-formed but unusable (a file that is not the spreadsheet it claims to be, say). */
export class Unprocessable extends Refusal {
  constructor(message: string, details: readonly RefusalDetail[] = []) {
    super('unprocessable', message, details);
  }
}

/** Too many attempts, or too much work at once: try again after `retryAfterSeconds`. */
export class RetryLater extends Refusal {
  constructor(message: string, retryAfterSeconds: number) {
    super('too_many', message, [], retryAfterSeconds);
  }
}

/** Something the portal relies on is not there now (no worker running, say). */
export class Unavailable extends Refusal {
  constructor(message: string) {
    super('unavailable', message);
  }
}
