import {
  Conflict,
  Gone,
  invalidField,
  NotAllowed,
  NotFound,
  NotSignedIn,
  type Refusal,
  RetryLater,
  TooLarge,
  Unavailable,
  Unprocessable,
} from '@dspt/domain';
import type { ArgumentsHost } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';

/** The parts of Express's response the filter uses, recording what it sent. */
function recordingHost() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ApiExceptionFilter', () => {
  it('answers 503 with Retry-After when no database connection came free, not a 500', () => {
    const { host, sent } = recordingHost();
    new ApiExceptionFilter().catch(new Error('timeout exceeded when trying to connect'), host);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('2');
    expect(sent.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The portal is busy. Please try again in a moment.',
    });
  });

  it('answers any other unexpected error with 500 and an error id', () => {
    const { host, sent } = recordingHost();
    new ApiExceptionFilter().catch(new Error('something else'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ statusCode: 500, errorId: expect.any(String) });
  });

  it.each<[Refusal, number, string]>([
    [invalidField('name', 'Enter a name'), 400, 'Bad Request'],
    [new NotSignedIn('Sign in to continue'), 401, 'Unauthorized'],
    [new NotAllowed('Only admins may'), 403, 'Forbidden'],
    [new NotFound('Provider not found'), 404, 'Not Found'],
    [new Conflict('Already archived'), 409, 'Conflict'],
    [new Gone('The link has expired'), 410, 'Gone'],
    [new TooLarge('Over 10 MB', [{ field: 'file', message: 'Over 10 MB' }]), 413, 'Payload Too Large'],
    [new Unprocessable('Not a spreadsheet'), 422, 'Unprocessable Entity'],
    [new Unavailable('No worker is running'), 503, 'Service Unavailable'],
  ])('answers a service refusal (%s) with its one status, its message and its details', (refusal, status, error) => {
    const { host, sent } = recordingHost();
    new ApiExceptionFilter().catch(refusal, host);
    expect(sent.status).toBe(status);
    expect(sent.body).toEqual({
      statusCode: status,
      error,
      message: refusal.message,
      ...(refusal.details.length > 0 ? { details: refusal.details } : {}),
    });
  });

  it('tells a client asked to retry later when, in Retry-After', () => {
    const { host, sent } = recordingHost();
    new ApiExceptionFilter().catch(new RetryLater('Too many attempts', 30), host);
    expect([sent.status, sent.headers['Retry-After']]).toEqual([429, '30']);
  });
});
