import { furthestBehind, type GapFigures, providersToTarget, sharePointsChange } from './target-gap';

const shown = (total: number, met: number): GapFigures => ({ total, metOrAboveShare: met / total, hidden: [] });

describe('providersToTarget', () => {
  it.each<[string, GapFigures, number, number | null]>([
    ['10 providers, 3 met, target 70%', shown(10, 3), 0.7, 4],
    ['7 of 10 met: the target is met exactly', shown(10, 7), 0.7, 0],
    ['above the target', shown(10, 9), 0.7, 0],
    ['a part provider rounds up: 70% of 11 is 7.7, so 8', shown(11, 2), 0.7, 6],
    ['1,000 providers, 61 met', shown(1000, 61), 0.7, 639],
    ['share hidden', { total: 12, metOrAboveShare: null, hidden: ['metOrAboveShare'] }, 0.7, null],
    ['providers hidden', { total: null, metOrAboveShare: null, hidden: ['total', 'metOrAboveShare'] }, 0.7, null],
    ['no providers', { total: 0, metOrAboveShare: null, hidden: [] }, 0.7, null],
  ])('%s', (_name, figures, target, expected) => {
    expect(providersToTarget(figures, target)).toBe(expected);
  });
});

describe('sharePointsChange', () => {
  it.each<[string, GapFigures, GapFigures | null, number | null]>([
    ['up from 40.0% to 50.0%', shown(10, 5), shown(10, 4), 10],
    ['down 0.1 points as the shares are shown (6.2% to 6.1%)', shown(1000, 61), shown(1000, 62), -0.1],
    ['no snapshot last cycle', shown(10, 5), null, null],
    ['last cycle hidden', shown(10, 5), { total: 9, metOrAboveShare: null, hidden: ['metOrAboveShare'] }, null],
  ])('%s', (_name, now, then, expected) => {
    expect(sharePointsChange(now, then)).toBe(expected);
  });
});

describe('furthestBehind', () => {
  const row = (label: string, figures: GapFigures) => ({ label, ...figures });

  it('ranks shown groups below the target, lowest share first, and leaves hidden or met groups out', () => {
    const rows = [
      row('London', shown(100, 50)),
      row('North East', shown(20, 2)),
      row('South West', shown(40, 4)),
      row('East Midlands', shown(10, 8)),
      row('West Midlands', { total: 6, metOrAboveShare: null, hidden: ['metOrAboveShare'] }),
      row('North West', { total: null, metOrAboveShare: null, hidden: ['total', 'metOrAboveShare'] }),
      row('South East', shown(30, 20)),
    ];
    expect(furthestBehind(rows, 0.7).map((entry) => [entry.row.label, entry.providersNeeded])).toEqual([
      // 10% each: South West needs more providers, so it comes first.
      ['South West', 24],
      ['North East', 12],
      ['London', 20],
    ]);
    expect(furthestBehind(rows, 0.7, 10).map((entry) => entry.row.label)).toEqual([
      'South West',
      'North East',
      'London',
      'South East',
    ]);
  });
});
