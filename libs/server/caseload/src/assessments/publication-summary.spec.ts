import { publicationSummary } from './publication-summary';

describe('publicationSummary', () => {
  it.each([
    ['2024-25', 'standards_met', '2025-05-10', '2024-25 Standards Met, published 10/05/2025'],
    ['2025-26', 'approaching_standards', '2025-07-01', '2025-26 Approaching Standards, published 01/07/2025'],
    ['2025-26', 'standards_exceeded', '2026-06-30', '2025-26 Standards Exceeded, published 30/06/2026'],
  ] as const)('%s %s on %s reads "%s"', (cycle, level, publishedOn, expected) => {
    expect(publicationSummary(cycle, level, publishedOn)).toBe(expected);
  });

  it('refuses a date that is not a real day', () => {
    expect(() => publicationSummary('2025-26', 'standards_met', '2026-02-30')).toThrow(RangeError);
  });
});
