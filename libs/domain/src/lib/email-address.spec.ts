import { normaliseEmailAddress } from './email-address';

describe('normaliseEmailAddress', () => {
  it.each([
    ['pat@care.example', 'pat@care.example'],
    ['Pat.Okafor@Care.Example', 'pat.okafor@care.example'],
    ['  pat@care.example ', 'pat@care.example'],
    ['\tPAT@CARE.EXAMPLE\r\n', 'pat@care.example'],
    ['pat+reminders@care.example', 'pat+reminders@care.example'],
    ['pat @care.example', 'pat @care.example'],
    // Only ASCII is folded: PostgreSQL's lower() depends on the collation, so the SQL twin folds ASCII too.
    ['ÉLODIE@care.example', 'Élodie@care.example'],
    ['\u00a0pat@care.example', '\u00a0pat@care.example'],
    ['', ''],
  ])('%j is compared as %j', (given, expected) => {
    expect(normaliseEmailAddress(given)).toBe(expected);
  });
});
