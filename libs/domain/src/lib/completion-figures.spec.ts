import {
  comparisonDay,
  completionFigures,
  emptyStatusCounts,
  histogramMedian,
  meetsTarget,
  sharePercent,
  mergeHistograms,
} from './completion-figures';

describe('histogramMedian', () => {
  it.each([
    ['empty', { values: [], counts: [] }, null],
    ['only zero counts', { values: [3], counts: [0] }, null],
    ['one value', { values: [12], counts: [1] }, 12],
    ['odd count: the middle one', { values: [0, 10, 43], counts: [1, 1, 1] }, 10],
    ['even count: the mean of the two middle ones', { values: [0, 10, 20, 43], counts: [1, 1, 1, 1] }, 15],
    ['even count inside one bin', { values: [5, 9], counts: [2, 2] }, 7],
    ['weighted bins', { values: [0, 43], counts: [3, 1] }, 0],
    ['unsorted values', { values: [43, 0, 20], counts: [1, 1, 1] }, 20],
    ['the middle pair spans two bins', { values: [1, 2], counts: [3, 3] }, 1.5],
  ])('%s', (_label, histogram, median) => {
    expect(histogramMedian(histogram)).toBe(median);
  });
});

describe('mergeHistograms', () => {
  it('adds counts of equal values and sorts', () => {
    expect(
      mergeHistograms([
        { values: [43, 0], counts: [2, 1] },
        { values: [0, 10], counts: [4, 1] },
      ]),
    ).toEqual({ values: [0, 10, 43], counts: [5, 1, 2] });
  });
});

describe('completionFigures', () => {
  it('counts, share at Standards Met or above and median', () => {
    const counts = { ...emptyStatusCounts(), not_started: 2, in_progress: 3, standards_met: 4, standards_exceeded: 1 };
    expect(completionFigures(counts, { values: [0, 20, 43], counts: [2, 3, 5] })).toEqual({
      total: 10,
      counts,
      metOrAboveShare: 0.5,
      medianMandatoryCompleted: 31.5,
    });
  });

  it('has no share or median for an empty group', () => {
    expect(completionFigures(emptyStatusCounts(), { values: [], counts: [] })).toMatchObject({
      total: 0,
      metOrAboveShare: null,
      medianMandatoryCompleted: null,
    });
  });
});

describe('meetsTarget', () => {
  it.each([
    [0.7, 0.7, true],
    [0.69, 0.7, false],
    [null, 0.7, false],
  ])('%s against %s', (share, target, expected) => {
    expect(meetsTarget(share, target)).toBe(expected);
  });
});

describe('comparisonDay', () => {
  it.each([
    ['217 days before the deadline', '2026-11-25', '2027-06-30', '2026-06-30', 217, '2025-11-25'],
    ['on the deadline', '2027-06-30', '2027-06-30', '2026-06-30', 0, '2026-06-30'],
    ['after the deadline: the closed cycles meet', '2027-09-01', '2027-06-30', '2026-06-30', 0, '2026-06-30'],
    ['across a leap day', '2028-01-10', '2028-06-30', '2027-06-30', 172, '2027-01-09'],
  ])('%s', (_label, today, deadline, previousDeadline, days, previousDay) => {
    expect(comparisonDay(today, deadline, previousDeadline)).toEqual({ daysToDeadline: days, previousDay });
  });
});

describe('sharePercent', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.7, 70],
    [1 / 3, 33.3],
    [2 / 3, 66.7],
    [0.0615, 6.2],
    [0.06149, 6.1],
    [201 / 400, 50.3],
    [203 / 400, 50.8],
    [0.0005, 0.1],
  ])('shows %p as %p%%, halves rounded up', (share, shown) => {
    expect(sharePercent(share)).toBe(shown);
  });
});
