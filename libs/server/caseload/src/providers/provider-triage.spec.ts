import { providerTriage, type TriageContext, type TriageInputs } from './provider-triage';

const context: TriageContext = {
  today: '2026-05-01',
  deadline: '2026-06-30',
  unstarted: {
    withoutCePlus: { status: 'not_started', progress: { completed: 0, total: 10 } },
    withCePlus: { status: 'in_progress', progress: { completed: 3, total: 10 } },
  },
};

function inputs(change: Partial<TriageInputs> = {}): TriageInputs {
  return {
    hasCePlus: false,
    lastContactAt: new Date('2026-04-25T10:00:00Z'),
    standing: { status: 'in_progress', progress: { completed: 5, total: 10 } },
    previousLevel: null,
    overdueTasks: 0,
    ...change,
  };
}

describe('providerTriage', () => {
  const triage = providerTriage(context);

  it('derives status, progress and priority with its reasons from the domain rules', () => {
    const result = triage(
      inputs({ standing: null, lastContactAt: null, previousLevel: 'approaching_standards', overdueTasks: 2 }),
    );
    expect(result).toMatchObject({
      status: 'not_started',
      progress: { completed: 0, total: 10 },
      overdueTasks: 2,
      atRisk: true,
    });
    expect(result.priority.reasons).toEqual([
      '10 items left',
      '60 days to deadline',
      'never contacted',
      'last published Approaching Standards: must reach Standards Met',
      '2 overdue tasks',
    ]);
  });

  it('gives a provider with no assessment the unstarted standing for its CE+ flag', () => {
    expect(triage(inputs({ standing: null })).progress).toEqual({ completed: 0, total: 10 });
    expect(triage(inputs({ standing: null, hasCePlus: true }))).toMatchObject({
      status: 'in_progress',
      progress: { completed: 3, total: 10 },
    });
  });

  it('counts days since last contact in London days', () => {
    // 23:30 UTC on 1 March is still 1 March in London (GMT): 61 days before 1 May.
    expect(triage(inputs({ lastContactAt: new Date('2026-03-01T23:30:00Z') })).priority.reasons).toContain(
      'no contact for 61 days',
    );
    // 23:30 UTC on 30 April is 1 May in London (BST): contacted today.
    expect(triage(inputs({ lastContactAt: new Date('2026-04-30T23:30:00Z') })).priority.reasons).not.toContainEqual(
      expect.stringContaining('no contact'),
    );
  });

  it('flags risk only for providers not yet published at Standards Met with items left near the deadline', () => {
    expect(triage(inputs()).atRisk).toBe(true);
    expect(
      triage(inputs({ standing: { status: 'ready_to_publish', progress: { completed: 10, total: 10 } } })).atRisk,
    ).toBe(false);
    expect(
      triage(inputs({ standing: { status: 'standards_met', progress: { completed: 10, total: 10 } } })),
    ).toMatchObject({
      atRisk: false,
      priority: { score: 0, reasons: ['Standards Met published'] },
    });
    const autumn = providerTriage({ ...context, today: '2025-10-01' });
    expect(autumn(inputs()).atRisk).toBe(false);
  });
});
