import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ApiErrorDetail } from '@dspt/contracts';

/** What went wrong with an API call, in words a user can act on. */
export interface ApiProblem {
  /** HTTP status; 0 when the API could not be reached. */
  status: number;
  message: string;
  /** One entry per bad field, when the API said which (400 answers). */
  details: readonly ApiErrorDetail[];
  /** Seconds to wait before trying again, from a 429 answer's `Retry-After` header. */
  retryAfterSeconds?: number;
}

export const API_UNREACHABLE_MESSAGE =
  'The portal cannot reach its server. Check your internet connection and try again.';
export const API_FAILED_MESSAGE = 'Sorry, there is a problem with the service. Try again later.';

/**
 * Reads any failure of an API call. The API answers `{statusCode, error, message, details?}`
 * (DESIGN.md §7) with messages written for users (its unexpected errors say only to quote an error id);
 * anything else (a proxy's error page, a network failure, a bug here) gets a generic message, so users
 * never see a stack trace or an HTML page quoted back to them.
 */
export function apiProblemFrom(failure: unknown): ApiProblem {
  if (!(failure instanceof HttpErrorResponse)) {
    return { status: -1, message: API_FAILED_MESSAGE, details: [] };
  }
  if (failure.status === 0) {
    return { status: 0, message: API_UNREACHABLE_MESSAGE, details: [] };
  }
  const body = isApiErrorBody(failure.error) ? failure.error : undefined;
  const retryAfterSeconds = retryAfterFrom(failure.headers.get('Retry-After'));
  if (!body) {
    return { status: failure.status, message: API_FAILED_MESSAGE, details: [], retryAfterSeconds };
  }
  return {
    status: failure.status,
    message: body.message,
    details: Array.isArray(body.details) ? body.details.filter(isDetail) : [],
    retryAfterSeconds,
  };
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).message === 'string';
}

function isDetail(detail: unknown): detail is ApiErrorDetail {
  return (
    typeof detail === 'object' &&
    detail !== null &&
    typeof (detail as ApiErrorDetail).field === 'string' &&
    typeof (detail as ApiErrorDetail).message === 'string'
  );
}

function retryAfterFrom(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) {
    return undefined;
  }
  return Number(header.trim());
}
