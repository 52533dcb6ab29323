import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ApiErrorDetail } from '@dspt/contracts';

/** What went wrong with an API call, in words a user can act on. */
export interface ApiProblem {
  /** HTTP status; 0 when the API could not be reached. */
  status: number;
  message: string;
  /** One entry per bad field, or per bad row and column of an uploaded file, when the API said which (400 answers). */
  details: readonly ApiErrorDetail[];
  /** Seconds to wait before trying again, from a 429 answer's `Retry-After` header. */
  retryAfterSeconds?: number;
}

export const API_UNREACHABLE_MESSAGE =
  'The portal cannot reach its server. Check your internet connection and try again.';
export const API_FAILED_MESSAGE = 'Sorry, there is a problem with the service. Try again later.';

/**
 * A refusal the API reported other than as an HTTP error: a background import that failed says so in its
 * progress (`status: failed`, with its message and rows), answered with 200. Throw it where an HTTP
 * refusal would be thrown, and `apiProblemFrom` reads it the same way.
 */
export class ApiProblemError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
    this.name = 'ApiProblemError';
  }
}

/**
 * One detail in words: as it is for a form field; with its row and column for a row of an uploaded
 * spreadsheet ("Row 3, ods_code: ODS code must be 3 to 6 letters or digits").
 */
export function describeApiErrorDetail(detail: ApiErrorDetail): string {
  return detail.row === undefined ? detail.message : `Row ${detail.row}, ${detail.field}: ${detail.message}`;
}

/**
 * Reads any failure of an API call. The API answers `{statusCode, error, message, details?}`
 * (DESIGN.md §7) with messages written for users (its unexpected errors say only to quote an error id);
 * anything else (a proxy's error page, a network failure, a bug here) gets a generic message, so users
 * never see a stack trace or an HTML page quoted back to them.
 */
export function apiProblemFrom(failure: unknown): ApiProblem {
  if (failure instanceof ApiProblemError) {
    return failure.problem;
  }
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
