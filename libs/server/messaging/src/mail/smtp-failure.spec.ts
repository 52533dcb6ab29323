import { classifySmtpFailure } from './smtp-failure';

describe('classifySmtpFailure', () => {
  it.each([
    [{ responseCode: 451, response: '451 4.7.1 Try again later' }, 'transient', '451 4.7.1 Try again later'],
    [{ responseCode: 421, message: 'Too many connections' }, 'transient', '421 Too many connections'],
    [{ responseCode: 550, response: '550 No such mailbox' }, 'permanent', '550 No such mailbox'],
    [{ responseCode: 554, message: 'Message rejected' }, 'permanent', '554 Message rejected'],
    [
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      'transient',
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
    ],
    [new Error('Greeting never received'), 'transient', 'Greeting never received'],
  ])('%j is %s', (error, kind, reason) => {
    expect(classifySmtpFailure(error)).toEqual({ kind, reason });
  });
});
