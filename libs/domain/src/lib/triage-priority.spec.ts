import { type PriorityInput, priorityReasonLine, triagePriority } from './triage-priority';

const base: PriorityInput = {
  status: 'in_progress',
  daysToDeadline: 200,
  mandatoryLeft: 12,
  daysSinceLastContact: 10,
  previousApproachingStandards: false,
  overdueTasks: 0,
};

describe('triagePriority', () => {
  it('says why in the adviser\u2019s words', () => {
    expect(priorityReasonLine(triagePriority({ ...base, daysToDeadline: 34, daysSinceLastContact: 60 }))).toBe(
      '12 items left · 34 days to deadline · no contact for 60 days',
    );
  });

  it('ranks more items left higher, and the same items higher as the deadline nears', () => {
    const few = triagePriority({ ...base, mandatoryLeft: 3 }).score;
    const many = triagePriority({ ...base, mandatoryLeft: 30 }).score;
    const manyNearDeadline = triagePriority({ ...base, mandatoryLeft: 30, daysToDeadline: 20 }).score;
    expect(many).toBeGreaterThan(few);
    expect(manyNearDeadline).toBeGreaterThan(many);
  });

  it('adds weight for no recent contact, an earlier Approaching Standards and overdue tasks', () => {
    const plain = triagePriority(base).score;
    expect(triagePriority({ ...base, daysSinceLastContact: null }).score).toBeGreaterThan(plain);
    expect(triagePriority({ ...base, daysSinceLastContact: 45 }).score).toBeGreaterThan(plain);
    expect(triagePriority({ ...base, previousApproachingStandards: true }).score).toBeGreaterThan(plain);
    const overdue = triagePriority({ ...base, overdueTasks: 2 });
    expect(overdue.score).toBe(plain + 10);
    expect(overdue.reasons).toContain('2 overdue tasks');
  });

  it('handles the deadline day and a passed deadline', () => {
    expect(triagePriority({ ...base, daysToDeadline: 0 }).reasons).toContain('deadline today');
    expect(triagePriority({ ...base, daysToDeadline: 1 }).reasons).toContain('1 day to deadline');
    const late = triagePriority({ ...base, daysToDeadline: -5 });
    expect(late.reasons).toContain('deadline passed 5 days ago');
    expect(late.score).toBe(triagePriority({ ...base, daysToDeadline: 0 }).score);
  });

  it('puts providers published at Standards Met or above at the bottom', () => {
    expect(triagePriority({ ...base, status: 'standards_met' })).toEqual({
      score: 0,
      reasons: ['Standards Met published'],
      parts: [{ reason: 'Standards Met published', points: 0 }],
    });
    const ready = triagePriority({ ...base, status: 'ready_to_publish', mandatoryLeft: 0 });
    expect(ready.reasons[0]).toBe('ready to publish');
  });

  it('names a never-contacted provider', () => {
    expect(triagePriority({ ...base, daysSinceLastContact: null }).reasons).toContain('never contacted');
  });

  it.each([
    [
      'far from the deadline',
      { daysToDeadline: 200 },
      [
        ['12 items left', 12],
        ['200 days to deadline', 0],
      ],
    ],
    [
      'inside the last 120 days',
      { daysToDeadline: 34, daysSinceLastContact: 60 },
      [
        ['12 items left', 12],
        ['34 days to deadline', 17],
        ['no contact for 60 days', 5],
      ],
    ],
    [
      'past the deadline, never contacted',
      { daysToDeadline: -5, daysSinceLastContact: null },
      [
        ['12 items left', 12],
        ['deadline passed 5 days ago', 24],
        ['never contacted', 10],
      ],
    ],
    [
      'after Approaching Standards, with overdue tasks',
      { previousApproachingStandards: true, overdueTasks: 2, daysSinceLastContact: 61 },
      [
        ['12 items left', 12],
        ['200 days to deadline', 0],
        ['no contact for 61 days', 10],
        ['last published Approaching Standards: must reach Standards Met', 15],
        ['2 overdue tasks', 10],
      ],
    ],
    [
      'ready to publish',
      { status: 'ready_to_publish', mandatoryLeft: 0, daysToDeadline: 10 },
      [
        ['ready to publish', 0],
        ['10 days to deadline', 0],
      ],
    ],
  ] as const)('shows the points of each reason %s, adding up to the score', (_case, change, parts) => {
    const priority = triagePriority({ ...base, ...change });
    expect(priority.parts.map((part) => [part.reason, part.points])).toEqual(parts);
    expect(priority.score).toBe(parts.reduce((sum, [, points]) => sum + points, 0));
  });
});
