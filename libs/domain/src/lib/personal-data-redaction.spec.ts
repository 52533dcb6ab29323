import { erasureIdentifiers, mentionsAny, redactIdentifiers } from './personal-data-redaction';
import { REDACTION_EXAMPLES } from './personal-data-redaction.examples';

describe('redactIdentifiers', () => {
  it.each(REDACTION_EXAMPLES)('$text → $expected', ({ text, identifiers, expected }) => {
    expect(redactIdentifiers(text, identifiers)).toBe(expected);
    expect(mentionsAny(text, identifiers)).toBe(expected !== text);
  });
});

describe('erasureIdentifiers', () => {
  it.each([
    { people: [{ name: 'Priya Shah', email: 'priya@rose.example' }], expected: ['priya@rose.example', 'Priya Shah'] },
    // Two contact rows of one person: each identifier once, longest first so a full name goes before a part of it.
    {
      people: [
        { name: 'Priya', email: 'priya@rose.example' },
        { name: 'Priya Shah', email: 'PRIYA@rose.example' },
      ],
      expected: ['priya@rose.example', 'Priya Shah', 'Priya'],
    },
    // A name too short to tell apart from ordinary words is left to the address.
    { people: [{ name: 'Al', email: 'al@x.example' }], expected: ['al@x.example'] },
    { people: [{ name: '  Bea  ', email: 'b@x.example' }], expected: ['b@x.example', 'Bea'] },
  ])('$people.0.name → $expected', ({ people, expected }) => {
    expect(erasureIdentifiers(people)).toEqual(expected);
  });
});
