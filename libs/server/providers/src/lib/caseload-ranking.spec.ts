import { type CaseloadRow, type CaseloadSelection, rankCaseload, type RankingContext } from './caseload-ranking';

const context: RankingContext = {
  today: '2026-05-01',
  deadline: '2026-06-30',
  unstarted: {
    withoutCePlus: { status: 'not_started', progress: { completed: 0, total: 10 } },
    withCePlus: { status: 'in_progress', progress: { completed: 3, total: 10 } },
  },
};

let next = 0;
function row(change: Partial<CaseloadRow> = {}): CaseloadRow {
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    name: `Provider ${next}`,
    odsCode: `V${1000 + next}`,
    kind: 'single_site',
    serviceType: 'homecare',
    region: 'London',
    hasCePlus: false,
    lastContactAt: new Date('2026-04-25T10:00:00Z'),
    archivedAt: null,
    adviser: null,
    standing: { status: 'in_progress', progress: { completed: 5, total: 10 } },
    previousLevel: null,
    overdueTasks: 0,
    ...change,
  };
}

const select = (change: Partial<CaseloadSelection> = {}): CaseloadSelection => ({ atRiskOnly: false, sort: 'priority', page: 1, pageSize: 50, ...change });
const names = (rows: CaseloadRow[], change: Partial<CaseloadSelection> = {}) => rankCaseload(rows, context, select(change)).items.map((item) => item.name);

describe('rankCaseload', () => {
  it('derives status, progress and priority with its reasons from the domain rules', () => {
    const [item] = rankCaseload(
      [row({ standing: null, lastContactAt: null, previousLevel: 'approaching_standards', overdueTasks: 2 })],
      context,
      select(),
    ).items;
    expect(item).toMatchObject({ status: 'not_started', progress: { completed: 0, total: 10 }, overdueTasks: 2, lastContactAt: null, archivedAt: null });
    expect(item.priority.reasons).toEqual([
      '10 items left',
      '60 days to deadline',
      'never contacted',
      'last published Approaching Standards: must reach Standards Met',
      '2 overdue tasks',
    ]);
  });

  it('gives a provider with no assessment the unstarted standing for its CE+ flag', () => {
    const items = rankCaseload([row({ name: 'A', standing: null }), row({ name: 'B', standing: null, hasCePlus: true })], context, select({ sort: 'name' })).items;
    expect(items.map((item) => [item.status, item.progress])).toEqual([
      ['not_started', { completed: 0, total: 10 }],
      ['in_progress', { completed: 3, total: 10 }],
    ]);
  });

  it('counts days since last contact in London days', () => {
    const [item] = rankCaseload([row({ lastContactAt: new Date('2026-03-01T23:30:00Z') })], context, select()).items;
    // 23:30 UTC on 1 March is still 1 March in London (GMT): 61 days before 1 May.
    expect(item.priority.reasons).toContain('no contact for 61 days');
  });

  it('sorts by priority, most urgent first, ties by name', () => {
    const rows = [
      row({ name: 'Calm', standing: { status: 'in_progress', progress: { completed: 9, total: 10 } } }),
      row({ name: 'Urgent', standing: { status: 'not_started', progress: { completed: 0, total: 10 } }, lastContactAt: null }),
      row({ name: 'Done', standing: { status: 'standards_met', progress: { completed: 10, total: 10 } } }),
      row({ name: 'Beta' }),
      row({ name: 'alpha' }),
    ];
    expect(names(rows)).toEqual(['Urgent', 'alpha', 'Beta', 'Calm', 'Done']);
    expect(names(rows, { direction: 'asc' })).toEqual(['Done', 'Calm', 'alpha', 'Beta', 'Urgent']);
  });

  it('sorts by name (case-insensitive, numbers in order), progress (least complete first) and last contact (never, then oldest)', () => {
    const rows = [
      row({ name: 'Home 10', standing: { status: 'in_progress', progress: { completed: 2, total: 10 } }, lastContactAt: new Date('2026-04-01') }),
      row({ name: 'home 9', standing: { status: 'ready_to_publish', progress: { completed: 10, total: 10 } }, lastContactAt: null }),
      row({ name: 'Acorn', standing: { status: 'in_progress', progress: { completed: 7, total: 10 } }, lastContactAt: new Date('2026-01-01') }),
    ];
    expect(names(rows, { sort: 'name' })).toEqual(['Acorn', 'home 9', 'Home 10']);
    expect(names(rows, { sort: 'name', direction: 'desc' })).toEqual(['Home 10', 'home 9', 'Acorn']);
    expect(names(rows, { sort: 'progress' })).toEqual(['Home 10', 'Acorn', 'home 9']);
    expect(names(rows, { sort: 'lastContact' })).toEqual(['home 9', 'Acorn', 'Home 10']);
    expect(names(rows, { sort: 'lastContact', direction: 'desc' })).toEqual(['Home 10', 'Acorn', 'home 9']);
  });

  it('filters by status and by risk after deriving them', () => {
    const rows = [
      row({ name: 'Unstarted', standing: null }),
      row({ name: 'Met', standing: { status: 'standards_met', progress: { completed: 10, total: 10 } } }),
      row({ name: 'Ready', standing: { status: 'ready_to_publish', progress: { completed: 10, total: 10 } } }),
    ];
    expect(names(rows, { status: 'not_started' })).toEqual(['Unstarted']);
    // 60 days to the deadline: anything with items left is at risk; nothing left or published is not.
    expect(names(rows, { atRiskOnly: true })).toEqual(['Unstarted']);
  });

  it('pages without overlap and counts every match', () => {
    const rows = Array.from({ length: 7 }, () => row());
    const first = rankCaseload(rows, context, select({ pageSize: 3 }));
    const third = rankCaseload(rows, context, select({ pageSize: 3, page: 3 }));
    const beyond = rankCaseload(rows, context, select({ pageSize: 3, page: 4 }));
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(3);
    expect(third.items).toHaveLength(1);
    expect(beyond).toEqual({ items: [], total: 7 });
    const all = [1, 2, 3].flatMap((page) => rankCaseload(rows, context, select({ pageSize: 3, page })).items.map((item) => item.id));
    expect(new Set(all).size).toBe(7);
  });
});
