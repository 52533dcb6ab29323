import { redactError, redactUrl } from './log-redaction';

const TOKEN = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u';
const SIGNED = 'eyJ0IjoiYWJjIn0.c2lnbmF0dXJlMTIzNDU2Nzg5';

describe('redactUrl', () => {
  it.each([
    ['a plain route', '/api/tenants/leeds/providers', '/api/tenants/leeds/providers'],
    [
      'a UUID id stays',
      '/api/tenants/leeds/providers/0b7e6b9c-3f1a-4f8e-9a55-1d2c3b4a5f6e',
      '/api/tenants/leeds/providers/0b7e6b9c-3f1a-4f8e-9a55-1d2c3b4a5f6e',
    ],
    [
      'a long word without digits stays',
      '/api/admin/cycles/question-set-template',
      '/api/admin/cycles/question-set-template',
    ],
    ['the unsubscribe token', `/api/unsubscribe?token=${TOKEN}`, '/api/unsubscribe?token=[redacted]'],
    ['a short token by its name', '/password-reset?token=abc', '/password-reset?token=[redacted]'],
    ['a code by its name', '/api/x?code=123456&page=2', '/api/x?code=[redacted]&page=2'],
    ['a token-like value under any name', `/invite?t=${SIGNED}&lsp=leeds`, '/invite?t=[redacted]&lsp=leeds'],
    ['a token in the path', `/api/unsubscribe/${TOKEN}/confirm`, '/api/unsubscribe/[redacted]/confirm'],
    [
      'a search stays',
      '/api/tenants/leeds/providers?search=Oak%20House&page=1',
      '/api/tenants/leeds/providers?search=Oak%20House&page=1',
    ],
  ])('%s', (_, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactError', () => {
  it('keeps the query text and the number of parameters of a database error, never the values', () => {
    const logged = redactError({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "uq_contacts_email"',
      stack: 'QueryFailedError: duplicate key value violates unique constraint "uq_contacts_email"\n    at x',
      query: 'INSERT INTO provider_contacts (name, email) VALUES ($1, $2)',
      parameters: ['Pat Secret', 'pat.secret@care.example'],
      driverError: {
        code: '23505',
        detail: 'Key (email)=(pat.secret@care.example) already exists.',
        constraint: 'uq_contacts_email',
      },
      detail: 'Key (email)=(pat.secret@care.example) already exists.',
      code: '23505',
    });
    expect(JSON.stringify(logged)).not.toMatch(/Pat Secret|pat\.secret/);
    expect(logged).toMatchObject({
      query: 'INSERT INTO provider_contacts (name, email) VALUES ($1, $2)',
      parameterCount: 2,
      code: '23505',
      constraint: 'uq_contacts_email',
    });
  });

  it('drops the value PostgreSQL quotes in its message, in the message and the stack', () => {
    const logged = redactError({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type uuid: "pat@care.example"',
      stack: 'QueryFailedError: invalid input syntax for type uuid: "pat@care.example"\n    at y',
    });
    expect(JSON.stringify(logged)).not.toContain('pat@care.example');
    expect((logged as Record<string, unknown>)['message']).toBe('invalid input syntax for type uuid: "[redacted]"');
  });

  it('leaves a plain text err as it is', () => {
    expect(redactError('Could not save import progress')).toBe('Could not save import progress');
  });

  it('drops any other property an error carries', () => {
    expect(redactError({ type: 'Error', message: 'boom', body: { note: 'private' } })).toEqual({
      type: 'Error',
      message: 'boom',
    });
  });
});
