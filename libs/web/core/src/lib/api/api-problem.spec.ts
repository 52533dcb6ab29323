import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import {
  API_FAILED_MESSAGE,
  API_UNREACHABLE_MESSAGE,
  ApiProblemError,
  apiProblemFrom,
  describeApiErrorDetail,
} from './api-problem';

function failure(status: number, error: unknown, headers?: Record<string, string>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, headers: new HttpHeaders(headers), url: '/api/x' });
}

describe('apiProblemFrom', () => {
  it.each([
    [
      'a 400 with details',
      failure(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Check the form',
        details: [{ field: 'email', message: 'Enter an email address' }, { nonsense: true }],
      }),
      { status: 400, message: 'Check the form', details: [{ field: 'email', message: 'Enter an email address' }] },
    ],
    [
      'a 401 without details',
      failure(401, { statusCode: 401, error: 'Unauthorized', message: 'Email address or password is incorrect' }),
      { status: 401, message: 'Email address or password is incorrect', details: [] },
    ],
    [
      'a 429 with Retry-After',
      failure(
        429,
        { statusCode: 429, error: 'Too Many Requests', message: 'Try again in 15 minutes' },
        { 'Retry-After': '900' },
      ),
      { status: 429, message: 'Try again in 15 minutes', details: [], retryAfterSeconds: 900 },
    ],
    [
      'a 500 with an error id',
      failure(500, {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on our side. Quote error id e-42 if you contact support.',
        errorId: 'e-42',
      }),
      {
        status: 500,
        message: 'Something went wrong on our side. Quote error id e-42 if you contact support.',
        details: [],
      },
    ],
    [
      'a 503 that says why',
      failure(503, {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The invitation email could not be sent.',
      }),
      { status: 503, message: 'The invitation email could not be sent.', details: [] },
    ],
    [
      'a proxy error page',
      failure(502, '<html>Bad Gateway</html>'),
      { status: 502, message: API_FAILED_MESSAGE, details: [] },
    ],
    [
      'a network failure',
      failure(0, new ProgressEvent('error')),
      { status: 0, message: API_UNREACHABLE_MESSAGE, details: [] },
    ],
    [
      'a 400 naming rows of a file',
      failure(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '1 problem in the file: nothing was imported',
        details: [{ row: 3, field: 'region', message: 'region must be one of: North East' }],
      }),
      { status: 400, details: [{ row: 3, field: 'region', message: 'region must be one of: North East' }] },
    ],
    [
      'a refusal reported without an HTTP error (a failed background import)',
      new ApiProblemError({
        status: 400,
        message: 'The file is empty',
        details: [{ field: 'file', message: 'The file is empty' }],
      }),
      { status: 400, message: 'The file is empty', details: [{ field: 'file', message: 'The file is empty' }] },
    ],
    [
      'something that is not an HTTP error',
      new TypeError('x is undefined'),
      { status: -1, message: API_FAILED_MESSAGE, details: [] },
    ],
  ])('reads %s', (_case, error, expected) => {
    expect(apiProblemFrom(error)).toEqual(expect.objectContaining(expected));
  });
});

describe('describeApiErrorDetail', () => {
  it("is a field's message as it is, and names the row and column of a file's", () => {
    expect(describeApiErrorDetail({ field: 'email', message: 'Enter an email address' })).toBe(
      'Enter an email address',
    );
    expect(
      describeApiErrorDetail({ row: 2, field: 'ods_code', message: 'ODS code must be 3 to 6 letters or digits' }),
    ).toBe('Row 2, ods_code: ODS code must be 3 to 6 letters or digits');
  });
});
