import type { ApiErrorBody, ApiErrorDetail } from '@dspt/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { RetryLaterException } from './retry-later.exception';

/** An error whose body lists `details`: one per bad field or row, or per field changed by someone else (409). */
export class DetailedHttpException extends HttpException {
  constructor(
    message: string,
    status: HttpStatus,
    readonly details: ApiErrorDetail[],
  ) {
    super(message, status);
  }
}

/** Thrown for invalid input; carries one detail per bad field or row. */
export class InvalidInputException extends DetailedHttpException {
  constructor(message: string, details: ApiErrorDetail[]) {
    super(message, HttpStatus.BAD_REQUEST, details);
  }
}

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
    if (!(exception instanceof HttpException)) {
      this.send(response, this.unexpected(exception));
      return;
    }
    if (exception instanceof RetryLaterException && !response.headersSent) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    const raw = exception.getResponse();
    if (isOwnBody(raw)) {
      // A body of its own shape (e.g. Terminus' health report on 503) goes out as it is.
      this.send(response, raw, exception.getStatus());
      return;
    }
    this.send(response, this.fromHttpException(exception));
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
      ...(exception instanceof DetailedHttpException ? { details: exception.details } : {}),
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
