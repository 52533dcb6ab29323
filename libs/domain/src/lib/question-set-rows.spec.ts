import { parseQuestionSetRows } from './question-set-rows';

const row = (row: number, values: Record<string, string>) => ({ row, values });

describe('parseQuestionSetRows', () => {
  it('answers the questions in file order, forgiving case in levels and yes/no', () => {
    const result = parseQuestionSetRows([
      row(2, {
        code: '1.1.5',
        section: 'Staffing and Roles',
        title: 'Senior person',
        level: 'as',
        ce_plus_skippable: '',
      }),
      row(3, {
        code: '9.1.1',
        section: 'IT Systems and Devices',
        title: 'Unsupported software',
        level: 'SM',
        ce_plus_skippable: 'Yes',
      }),
      row(4, { code: '7.1.1', section: 'Data Security', title: 'Optional', level: 'None' }),
    ]);
    expect(result).toEqual({
      questions: [
        { code: '1.1.5', section: 'Staffing and Roles', title: 'Senior person', level: 'AS', cePlusSkippable: false },
        {
          code: '9.1.1',
          section: 'IT Systems and Devices',
          title: 'Unsupported software',
          level: 'SM',
          cePlusSkippable: true,
        },
        { code: '7.1.1', section: 'Data Security', title: 'Optional', level: 'none', cePlusSkippable: false },
      ],
    });
  });

  it('lists every problem with its row and column', () => {
    const result = parseQuestionSetRows([
      row(2, { code: '1.1.5', section: 'Staffing', title: 'A', level: 'AS' }),
      row(3, { code: '1.1.5', section: '', title: 'B', level: 'XX', ce_plus_skippable: 'maybe' }),
      row(4, { code: '1-1', section: 'S', title: '', level: 'SM' }),
    ]);
    expect(result).toEqual({
      problems: [
        { row: 3, field: 'code', message: '1.1.5 is already on row 2' },
        { row: 3, field: 'section', message: 'section is empty' },
        { row: 3, field: 'level', message: '"XX" is not a level: use AS, SM or none' },
        { row: 3, field: 'ce_plus_skippable', message: '"maybe" is not yes or no' },
        { row: 4, field: 'code', message: '"1-1" is not a DSPT code such as 1.1.5' },
        { row: 4, field: 'title', message: 'title is empty' },
      ],
    });
  });
});
