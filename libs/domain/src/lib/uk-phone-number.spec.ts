import { normaliseUkPhoneNumber, ukPhoneNumberProblem } from './uk-phone-number';

describe('UK phone numbers', () => {
  it('trims and keeps one space between groups', () => {
    expect(normaliseUkPhoneNumber('  0113   496 0000 ')).toBe('0113 496 0000');
  });

  const DIGITS = 'Phone number must be a UK number of 10 or 11 digits, like 0113 496 0000 or 07700 900 123';
  it.each([
    ['0113 496 0000', null],
    ['01134960000', null],
    ['020 7946 0000', null],
    ['(020) 7946-0000', null],
    ['07700 900123', null],
    ['+44 7700 900123', null],
    ['+44 (0)113 496 0000', null],
    ['0044 113 496 0000', null],
    ['0300 123 4567', null],
    ['0800 123 456', null],
    ['016977 3456', null],
    ['0113 496', DIGITS],
    ['011349600001', DIGITS],
    ['113 496 0000', DIGITS],
    ['+1 202 555 0100', 'Phone number must be a UK number: only +44 may start it'],
    ['0113 496 0000 ext 12', 'Phone number must contain only digits, spaces, brackets, hyphens and a leading +'],
    ['0906 123 4567', 'Phone number must start 01, 02, 03, 07 or 08'],
    ['0500 123 456', 'Phone number must start 01, 02, 03, 07 or 08'],
  ] as const)('%s: %s', (raw, problem) => {
    expect(ukPhoneNumberProblem(raw)).toBe(problem);
  });
});
