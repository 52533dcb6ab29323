import { type TransferRequestEmailFacts, transferRequestEmail } from './transfer-request-email';

const FACTS: TransferRequestEmailFacts = {
  event: 'requested',
  status: 'pending',
  providerName: 'Oak House',
  odsCode: 'VXX01',
  branchCount: 2,
  fromName: 'North Care',
  toName: 'South Care',
  link: 'https://portal.test/lsp/south/transfers',
};

describe('transferRequestEmail', () => {
  it('asks the receiving LSP to answer, naming the provider, its branches and where to answer', () => {
    const email = transferRequestEmail(FACTS);
    expect(email.subject).toBe('North Care offers Oak House to South Care');
    expect(email.text).toContain('North Care asks South Care to take Oak House (ODS code VXX01) with 2 branches');
    expect(email.text).toContain('https://portal.test/lsp/south/transfers');
  });

  it.each([
    ['accepted', 'South Care accepted Oak House', 'moved to South Care with its history'],
    ['declined', 'South Care declined Oak House', 'it stays with North Care'],
  ] as const)('tells the offering LSP the request was %s', (status, subject, words) => {
    const email = transferRequestEmail({ ...FACTS, event: 'answered', status, branchCount: 0 });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(words);
    expect(email.text).not.toContain('branch');
  });
});
