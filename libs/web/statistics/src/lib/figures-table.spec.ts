import type { CompletionRow } from '@dspt/contracts';
import { figuresHeadings, figuresLine, HIDDEN_FIGURES_NOTE, lineCells, percent } from './figures-table';

const row: CompletionRow = {
  key: 'London',
  label: 'London',
  total: 10,
  counts: {
    not_started: 1,
    in_progress: 2,
    ready_to_publish: 1,
    approaching_standards: 1,
    standards_met: 4,
    standards_exceeded: 1,
  },
  metOrAboveShare: 0.5,
  medianMandatoryCompleted: 31.5,
  previous: null,
  hidden: [],
};

describe('completion table lines', () => {
  it('formats shares, the target, the median and last cycle', () => {
    const line = figuresLine({ ...row, previous: { ...row, metOrAboveShare: 0.4123 } }, 0.7);
    expect(line).toEqual({
      label: 'London',
      total: '10',
      counts: ['1', '2', '1', '1', '4', '1'],
      share: '50.0%',
      meetsTarget: false,
      targetMet: 'No',
      median: '31.5',
      previousShare: '41.2%',
      hasHidden: false,
    });
    expect(lineCells(line)).toEqual(['London', '10', '50.0%', 'No', '41.2%', '1', '2', '1', '1', '4', '1', '31.5']);
    expect(figuresHeadings(0.7)).toContain('Meets the 70.0% target');
  });

  it('says when there is no snapshot, and has no share or median without providers', () => {
    expect(figuresLine({ ...row, total: 0, metOrAboveShare: null, medianMandatoryCompleted: null }, 0.5)).toMatchObject(
      { share: '–', median: '–', previousShare: 'No snapshot', meetsTarget: false },
    );
    expect(percent(0.7)).toBe('70.0%');
  });

  it('marks hidden figures [c], the target and last cycle too, on the page and in the CSV file', () => {
    const hidden: CompletionRow = {
      ...row,
      total: null,
      counts: { ...row.counts, not_started: null, standards_exceeded: null },
      metOrAboveShare: null,
      medianMandatoryCompleted: null,
      hidden: ['total', 'not_started', 'standards_exceeded', 'metOrAboveShare', 'medianMandatoryCompleted'],
      previous: { ...row, metOrAboveShare: null, hidden: ['metOrAboveShare'] },
    };
    const line = figuresLine(hidden, 0.7);
    expect(lineCells(line)).toEqual(['London', '[c]', '[c]', '[c]', '[c]', '[c]', '2', '1', '1', '4', '[c]', '[c]']);
    expect(line.hasHidden).toBe(true);
    expect(
      figuresLine({ ...row, previous: { ...row, metOrAboveShare: null, hidden: ['metOrAboveShare'] } }, 0.7),
    ).toMatchObject({ share: '50.0%', previousShare: '[c]', hasHidden: true });
    expect(HIDDEN_FIGURES_NOTE).toContain('fewer than 5 providers');
  });
});
