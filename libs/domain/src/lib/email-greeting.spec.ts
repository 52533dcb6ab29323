import { emailGreeting, isPersonalName, valueInSentence } from './email-greeting';

describe('emailGreeting', () => {
  it.each([
    ['Alex Smith', 'Maple Gardens 478', 'Dear', 'Dear Alex Smith,'],
    ['  Priya   Shah ', 'Oak House', 'Dear', 'Dear Priya Shah,'],
    ["Sinéad O'Brien-Jones", 'Oak House', 'Hello', "Hello Sinéad O'Brien-Jones,"],
    ['Registered Manager, Maple Gardens 478', 'Maple Gardens 478', 'Dear', 'Dear Maple Gardens 478 team,'],
    ['Registered Manager', 'Maple Gardens 478', 'Dear', 'Dear Maple Gardens 478 team,'],
    ['Maple Gardens 478', 'Maple Gardens 478', 'Dear', 'Dear Maple Gardens 478 team,'],
    ['The Manager', 'Oak House', 'Dear', 'Dear Oak House team,'],
    ['DSPT admin', 'Oak House', 'Dear', 'Dear Oak House team,'],
    ['office@oakhouse.example', 'Oak House', 'Dear', 'Dear Oak House team,'],
    ['', 'Oak House', 'Dear', 'Dear Oak House team,'],
    [null, 'Oak House', 'Hello', 'Hello Oak House team,'],
    ['', '', 'Dear', 'Hello,'],
  ])('greets %j of %j with %j as %j', (contactName, providerName, salutation, greeting) => {
    expect(emailGreeting(contactName, providerName, salutation)).toBe(greeting);
  });

  it.each([
    ['Alex Smith', 'Oak House', true],
    ['Manager', 'Oak House', false],
    ['Oak House manager', 'Oak House', false],
  ])('knows whether %j at %j is a person', (name, provider, personal) => {
    expect(isPersonalName(name, provider)).toBe(personal);
  });
});

describe('valueInSentence', () => {
  it.each([
    ['reply to this email and ', 'The DSPT support team', 'the DSPT support team'],
    ['', 'The DSPT support team', 'The DSPT support team'],
    ['Best wishes,\n', 'The DSPT support team', 'The DSPT support team'],
    ['It is late. ', 'The DSPT support team', 'The DSPT support team'],
    ['Contact: ', 'The DSPT support team', 'The DSPT support team'],
    ['and ', 'Theo Adviser', 'Theo Adviser'],
    ['and ', 'Sam Adviser', 'Sam Adviser'],
  ])('after %j writes %j as %j', (before, value, written) => {
    expect(valueInSentence(before, value)).toBe(written);
  });
});
