import { retentionCutoffs } from './retention';

describe('retentionCutoffs', () => {
  const now = new Date('2027-03-31T02:30:00Z');

  it.each([
    [{ emailBodyDays: 400, auditDays: 2190 }, '2026-02-24T02:30:00.000Z', '2021-04-01T02:30:00.000Z'],
    [{ emailBodyDays: 1, auditDays: 365 }, '2027-03-30T02:30:00.000Z', '2026-03-31T02:30:00.000Z'],
    [{ emailBodyDays: 30, auditDays: null }, '2027-03-01T02:30:00.000Z', null],
  ])('%j removes email content settled before %s and audit events before %s', (policy, bodies, audit) => {
    const cutoffs = retentionCutoffs(now, policy);
    expect(cutoffs.emailBodiesBefore.toISOString()).toBe(bodies);
    expect(cutoffs.auditEventsBefore?.toISOString() ?? null).toBe(audit);
  });

  it('counts days of 24 hours, so a clock change does not shift the cut-off by an hour', () => {
    const summer = new Date('2027-04-01T08:00:00Z');
    expect(retentionCutoffs(summer, { emailBodyDays: 7, auditDays: null }).emailBodiesBefore.toISOString()).toBe(
      '2027-03-25T08:00:00.000Z',
    );
  });
});
