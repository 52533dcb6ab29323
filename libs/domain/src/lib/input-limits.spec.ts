import { findInputProblem, hasControlCharacter, MAX_INPUT_DEPTH } from './input-limits';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) {
    value = level % 2 === 0 ? { a: value } : [value];
  }
  return value;
}

describe('hasControlCharacter', () => {
  it.each([
    ['plain text', 'A note about the call', false],
    ['tab, line feed and carriage return', 'line one\r\n\tline two', false],
    ['accents and emoji', 'Café ☕', false],
    ['NUL', 'a\u0000b', true],
    ['bell', 'a\u0007b', true],
    ['vertical tab', 'a\u000Bb', true],
    ['escape', 'a\u001Bb', true],
  ])('%s', (_, text, expected) => {
    expect(hasControlCharacter(text)).toBe(expected);
  });
});

describe('findInputProblem', () => {
  it.each<[string, unknown, { field: string; message: string } | undefined]>([
    ['a valid body', { kind: 'call', body: 'Spoke to the manager\nabout 1.1.5', version: 3 }, undefined],
    ['no body at all', undefined, undefined],
    [
      'NUL in a top-level field',
      { body: 'a\u0000b' },
      { field: 'body', message: 'body must not contain control characters such as NUL' },
    ],
    [
      'NUL in a nested field',
      { contacts: [{ email: 'ok@x.example' }, { email: 'x\u0000@x.example' }] },
      { field: 'contacts.1.email', message: 'contacts.1.email must not contain control characters such as NUL' },
    ],
    [
      'NUL in a list of strings (query)',
      { search: ['ok', 'b\u0000'] },
      { field: 'search.1', message: 'search.1 must not contain control characters such as NUL' },
    ],
    [
      'NUL in a property name',
      { 'a\u0000': 1 },
      { field: 'body', message: 'body must not have property names with control characters' },
    ],
    [
      'NUL in a bare string part',
      'x\u0000',
      { field: 'body', message: 'body must not contain control characters such as NUL' },
    ],
    ['the largest integer', { offsetDays: 2_147_483_647 }, undefined],
    ['the smallest integer', { offsetDays: -2_147_483_648 }, undefined],
    [
      'one past the largest integer',
      { offsetDays: 2_147_483_648 },
      { field: 'offsetDays', message: 'offsetDays must be a number from -2147483648 to 2147483647' },
    ],
    [
      'one past the smallest integer',
      { version: -2_147_483_649 },
      { field: 'version', message: 'version must be a number from -2147483648 to 2147483647' },
    ],
    [
      'a number too large for a double',
      { page: Infinity },
      { field: 'page', message: 'page must be a number from -2147483648 to 2147483647' },
    ],
    [
      'not a number',
      { page: Number.NaN },
      { field: 'page', message: 'page must be a number from -2147483648 to 2147483647' },
    ],
    [`${MAX_INPUT_DEPTH} levels`, nested(MAX_INPUT_DEPTH), undefined],
    [
      `${MAX_INPUT_DEPTH + 1} levels`,
      nested(MAX_INPUT_DEPTH + 1),
      {
        field: expect.any(String),
        message: `body must not nest objects or lists more than ${MAX_INPUT_DEPTH} levels deep`,
      },
    ],
  ])('%s', (_, value, expected) => {
    expect(findInputProblem(value, 'body')).toEqual(expected);
  });

  it('walks 100,000 levels without overflowing its own stack', () => {
    expect(findInputProblem(nested(100_000), 'body')?.message).toContain('levels deep');
  });

  it('names the first bad field in the order the body gives them', () => {
    expect(findInputProblem({ title: 'a\u0000', body: 'b\u0000' }, 'body')?.field).toBe('title');
  });
});
