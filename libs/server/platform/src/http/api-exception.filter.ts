import type { ApiErrorBody } from '@dspt/contracts';
import { Refusal, type RefusalKind } from '@dspt/domain';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

/** What pg's pool throws when no connection came free within DATABASE_URL's pool wait (data-source-options). */
const POOL_WAIT_EXCEEDED = 'timeout exceeded when trying to connect';
/** Seconds a client is asked to wait when the database's connections are all busy. */
const BUSY_RETRY_AFTER_SECONDS = 2;

/** The one place a service's refusal becomes an HTTP status: every kind has one, or this does not compile. */
const STATUS_OF_REFUSAL: Record<RefusalKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Nest's own error bodies carry a `message`; a body without one was shaped deliberately by its thrower. */
function isOwnBody(raw: string | object): raw is object {
  return typeof raw === 'object' && raw !== null && !('message' in raw);
}

/**
 * Every error leaves the API as `{statusCode, error, message, details?}`. Unexpected errors become a 500
 * with an error id that is logged with the stack, so nothing internal leaks to the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof Error && exception.message === POOL_WAIT_EXCEEDED) {
      // Overload, not a fault: every connection of this process's pool stayed busy. Say so and when to retry.
      this.logger.warn('No database connection came free in time: answered 503');
      if (!response.headersSent) {
        response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      }
      this.send(response, {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: STATUS_CODES[503] ?? 'Service Unavailable',
        message: 'The portal is busy. Please try again in a moment.',
      });
      return;
    }
    if (exception instanceof Refusal) {
      this.sendRefusal(response, exception);
      return;
    }
    if (!(exception instanceof HttpException)) {
      this.send(response, this.unexpected(exception));
      return;
    }
    const raw = exception.getResponse();
    if (isOwnBody(raw)) {
      // A body of its own shape (e.g. Terminus' health report on 503) goes out as it is.
      this.send(response, raw, exception.getStatus());
      return;
    }
    this.send(response, this.fromHttpException(exception));
  }

  private sendRefusal(response: Response, refusal: Refusal): void {
    const statusCode = STATUS_OF_REFUSAL[refusal.kind];
    if (refusal.retryAfterSeconds !== undefined && !response.headersSent) {
      response.setHeader('Retry-After', String(refusal.retryAfterSeconds));
    }
    this.send(response, {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: refusal.message,
      ...(refusal.details.length > 0 ? { details: [...refusal.details] } : {}),
    });
  }

  private send(response: Response, body: object, statusCode = (body as ApiErrorBody).statusCode): void {
    if (!response.headersSent) {
      response.status(statusCode).json(body);
    }
  }

  private fromHttpException(exception: HttpException): ApiErrorBody {
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const rawMessage = typeof raw === 'string' ? raw : (raw as { message?: unknown }).message;
    const message = Array.isArray(rawMessage) ? rawMessage.join('; ') : String(rawMessage ?? exception.message);
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
    };
  }

  private unexpected(exception: unknown): ApiErrorBody {
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, `Unexpected error ${errorId}`);
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: STATUS_CODES[500] ?? 'Internal Server Error',
      message: `Something went wrong on our side. Quote error id ${errorId} if you contact support.`,
      errorId,
    };
  }
}
