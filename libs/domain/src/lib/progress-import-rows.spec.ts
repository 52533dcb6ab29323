import { parseProgressImportRows } from './progress-import-rows';

const cycle = { code: '2025-26', questionCodes: new Set(['1.1.5', '4.1.1', '9.1.1']) };
const row = (row: number, values: Record<string, string>) => ({ row, values });

describe('parseProgressImportRows', () => {
  it('answers the updates in file order, forgiving how statuses are typed; a blank comment keeps the saved one', () => {
    expect(
      parseProgressImportRows(
        [
          row(2, { code: '1.1.5', status: 'Completed', comment: 'Policy seen' }),
          row(3, { code: '4.1.1', status: 'In progress', comment: '' }),
          row(4, { code: '9.1.1', status: 'not-started' }),
        ],
        cycle,
      ),
    ).toEqual({
      updates: [
        { row: 2, code: '1.1.5', status: 'completed', comment: 'Policy seen' },
        { row: 3, code: '4.1.1', status: 'in_progress' },
        { row: 4, code: '9.1.1', status: 'not_started' },
      ],
    });
  });

  it('names every unknown code, repeated code, bad status and long comment by row', () => {
    expect(
      parseProgressImportRows(
        [
          row(2, { code: '1.1.5', status: 'completed' }),
          row(3, { code: '1.1.5', status: 'done' }),
          row(4, { code: '7.7.7', status: 'completed' }),
          row(5, { code: '', status: '', comment: 'x'.repeat(2001) }),
        ],
        cycle,
      ),
    ).toEqual({
      problems: [
        { row: 3, field: 'code', message: '1.1.5 is already on row 2' },
        { row: 3, field: 'status', message: '"done" is not a status: use not_started, in_progress, completed' },
        { row: 4, field: 'code', message: 'There is no question 7.7.7 in cycle 2025-26' },
        { row: 5, field: 'code', message: 'code is empty' },
        { row: 5, field: 'status', message: '"" is not a status: use not_started, in_progress, completed' },
        { row: 5, field: 'comment', message: 'comment must be at most 2000 characters' },
      ],
    });
  });
});
