import { completionFigures, type CompletionFigures, emptyStatusCounts, type StatusCounts } from './completion-figures';
import { PROVIDER_STATUSES, type ProviderStatus } from './provider-status';
import {
  MIN_PROVIDERS_SHOWN,
  protectBesideKnown,
  protectGroup,
  protectTable,
  type ShownFigures,
  showAll,
} from './statistics-disclosure';

/** A group's figures from its status counts; every provider completed 20 items (median 20). */
function group(counts: Partial<StatusCounts>): CompletionFigures {
  const all = { ...emptyStatusCounts(), ...counts };
  const total = PROVIDER_STATUSES.reduce((sum, status) => sum + all[status], 0);
  return completionFigures(all, { values: [20], counts: [total] });
}

function sum(groups: CompletionFigures[]): CompletionFigures {
  const counts = emptyStatusCounts();
  for (const figures of groups) {
    for (const status of PROVIDER_STATUSES) {
      counts[status] += figures.counts[status];
    }
  }
  return group(counts);
}

type Known = { total: number | null; counts: Record<ProviderStatus, number | null>; metOrAbove: number | null };

function known(shown: ShownFigures): Known {
  const metOrAbove =
    shown.total === 0
      ? 0
      : shown.total !== null && shown.metOrAboveShare !== null
        ? Math.round(shown.metOrAboveShare * shown.total)
        : null;
  return { total: shown.total, counts: { ...shown.counts }, metOrAbove };
}

/**
 * The attack: a total minus the rest of its row or column (and the share times the total), repeated with
 * whatever it works out, until nothing more comes. Returns what it worked out that had been hidden.
 */
function subtractionAttack(rows: ShownFigures[], total: ShownFigures): string[] {
  const groups = [...rows, total].map(known);
  const recovered: string[] = [];
  // Each relation: [terms that add up, their sum], as getters/setters over the groups' figures.
  type Cell = { get: () => number | null; set: (value: number) => void; name: string };
  const cell = (index: number, field: ProviderStatus | 'total' | 'metOrAbove'): Cell => {
    const figures = groups[index];
    const name = `${index === rows.length ? 'total' : `row ${index}`} ${field}`;
    if (field === 'total' || field === 'metOrAbove') {
      return { name, get: () => figures[field], set: (value) => (figures[field] = value) };
    }
    return { name, get: () => figures.counts[field], set: (value) => (figures.counts[field] = value) };
  };
  const relations: Array<{ terms: Cell[]; sum: Cell }> = [];
  groups.forEach((_figures, index) => {
    relations.push({ terms: PROVIDER_STATUSES.map((status) => cell(index, status)), sum: cell(index, 'total') });
    relations.push({
      terms: [cell(index, 'standards_met'), cell(index, 'standards_exceeded')],
      sum: cell(index, 'metOrAbove'),
    });
  });
  if (rows.length > 0) {
    for (const field of [...PROVIDER_STATUSES, 'total', 'metOrAbove'] as const) {
      relations.push({ terms: rows.map((_row, index) => cell(index, field)), sum: cell(rows.length, field) });
    }
  }
  let progress = true;
  while (progress) {
    progress = false;
    for (const { terms, sum: whole } of relations) {
      const unknown = [...terms, whole].filter((term) => term.get() === null);
      if (unknown.length !== 1) {
        continue;
      }
      const [missing] = unknown;
      const termsSum = terms.reduce((total, term) => total + (term.get() ?? 0), 0);
      missing.set(missing === whole ? termsSum : (whole.get() as number) - termsSum);
      recovered.push(missing.name);
      progress = true;
    }
  }
  return recovered;
}

/** Primary rule: no shown count (of a group, a status, at or below Standards Met) is 1 to 4. */
function expectNoSmallShown(shown: ShownFigures): void {
  const small = (value: number | null) => value !== null && value > 0 && value < MIN_PROVIDERS_SHOWN;
  expect(small(shown.total)).toBe(false);
  for (const status of PROVIDER_STATUSES) {
    expect({ status, small: small(shown.counts[status]) }).toEqual({ status, small: false });
  }
  if (shown.total !== null && shown.metOrAboveShare !== null) {
    const metOrAbove = Math.round(shown.metOrAboveShare * shown.total);
    expect([small(metOrAbove), small(shown.total - metOrAbove)]).toEqual([false, false]);
  }
}

describe('statistics disclosure control: one group', () => {
  it.each<[string, Partial<StatusCounts>, string[]]>([
    ['no providers: nothing to hide', {}, []],
    [
      'a single provider: everything, its status and median too',
      { standards_met: 1 },
      ['total', ...PROVIDER_STATUSES, 'metOrAboveShare', 'medianMandatoryCompleted'],
    ],
    [
      'four providers: everything',
      { not_started: 2, standards_met: 2 },
      ['total', ...PROVIDER_STATUSES, 'metOrAboveShare', 'medianMandatoryCompleted'],
    ],
    ['five providers in one status: nothing', { in_progress: 5 }, []],
    [
      'a status of 1 in 12: it, and the smallest other count so that 12 minus the rest does not give it',
      { not_started: 1, in_progress: 11 },
      ['not_started', 'ready_to_publish'],
    ],
    [
      '3 Met beside 17 Exceeded: the share (100%) would give Met away, so Exceeded goes too',
      { standards_met: 3, standards_exceeded: 17 },
      ['standards_met', 'standards_exceeded'],
    ],
    [
      '2 of 10 below Standards Met: the share is hidden (80% of 10 says 2), and what would give it back',
      { not_started: 2, standards_met: 8 },
      ['not_started', 'in_progress', 'standards_exceeded', 'metOrAboveShare'],
    ],
  ])('%s', (_label, counts, hidden) => {
    const shown = protectGroup(group(counts));
    expect([...shown.hidden].sort()).toEqual([...hidden].sort());
    for (const name of hidden) {
      const value = name === 'total' ? shown.total : name in shown.counts ? shown.counts[name as ProviderStatus] : null;
      expect(value).toBeNull();
    }
    expectNoSmallShown(shown);
    expect(subtractionAttack([], shown)).toEqual([]);
  });

  it('shows everything to whoever reads their own providers', () => {
    const figures = group({ standards_met: 1 });
    expect(showAll(figures)).toEqual({ ...figures, hidden: [] });
  });
});

describe('statistics disclosure control: a table and its total', () => {
  it('hides a group of one, and what the total minus the other groups would give back (the subtraction attack)', () => {
    const rows = [
      group({ standards_met: 1 }),
      group({ in_progress: 6, standards_met: 5 }),
      group({ standards_met: 8 }),
    ];
    const answer = protectTable(rows, sum(rows));
    expect(answer.rows[0]).toMatchObject({ total: null, metOrAboveShare: null, medianMandatoryCompleted: null });
    expect(answer.rows[0].counts.standards_met).toBeNull();
    // The total stays: 20 providers, 14 at Standards Met...
    expect(answer.total).toMatchObject({ total: 20, hidden: [] });
    expect(answer.total.counts.standards_met).toBe(14);
    // ...so another group's total and Met count are hidden with the single one.
    expect(answer.rows.slice(1).some((row) => row.total === null)).toBe(true);
    expect(answer.rows.slice(1).some((row) => row.counts.standards_met === null)).toBe(true);
    expect(subtractionAttack(answer.rows, answer.total)).toEqual([]);
    answer.rows.forEach(expectNoSmallShown);
  });

  it('hides a second count in the column when one status count of 1 to 4 is hidden in a larger group', () => {
    const rows = [group({ not_started: 2, in_progress: 10 }), group({ not_started: 9, in_progress: 9 })];
    const answer = protectTable(rows, sum(rows));
    expect(answer.rows[0].counts.not_started).toBeNull();
    expect(answer.rows[1].counts.not_started).toBeNull();
    expect(answer.total.counts.not_started).toBe(11);
    expect(subtractionAttack(answer.rows, answer.total)).toEqual([]);
  });

  it('shows the total the same whatever the grouping, so two tables of one page cannot be played off', () => {
    const byRegion = [group({ not_started: 3, standards_met: 7 }), group({ not_started: 6, standards_met: 1 })];
    const bySize = [group({ not_started: 9 }), group({ standards_met: 8 })];
    expect(protectTable(byRegion, sum(byRegion)).total).toEqual(protectTable(bySize, sum(bySize)).total);
    expect(protectTable(byRegion, sum(byRegion)).total).toEqual(protectGroup(sum(byRegion)));
  });

  it('hides a single group as its total is hidden, when the grouping has one group', () => {
    const only = group({ not_started: 2, in_progress: 9, standards_met: 6 });
    const answer = protectTable([only], only);
    expect(answer.rows[0]).toEqual(answer.total);
    expect(answer.total).toEqual(protectGroup(only));
    expect(subtractionAttack(answer.rows, answer.total)).toEqual([]);
  });

  it('leaves a table of large counts as it is', () => {
    const rows = [group({ not_started: 10, standards_met: 20 }), group({ in_progress: 7, standards_exceeded: 9 })];
    const answer = protectTable(rows, sum(rows));
    expect([answer.total, ...answer.rows].map((shown) => shown.hidden)).toEqual([[], [], []]);
    expect(answer.rows[0]).toEqual(showAll(rows[0]));
  });

  it('withstands the subtraction attack on any table (300 made-up tables of small groups)', () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    for (let run = 0; run < 300; run++) {
      const rows = Array.from({ length: 1 + random(7) }, () =>
        group(Object.fromEntries(PROVIDER_STATUSES.map((status) => [status, random(3) === 0 ? random(12) : 0]))),
      ).filter((figures) => figures.total > 0);
      const answer = protectTable(rows, sum(rows));
      const recovered = subtractionAttack(answer.rows, answer.total);
      expect({ run, recovered }).toEqual({ run, recovered: [] });
      [...answer.rows, answer.total].forEach(expectNoSmallShown);
    }
  });
});

describe('statistics disclosure control: beside figures the reader already knows', () => {
  it.each<[string, Partial<StatusCounts>, Partial<StatusCounts>, boolean]>([
    ["England is the reader's LSP and 1 other provider: hidden", { standards_met: 11 }, { standards_met: 10 }, true],
    [
      "England is the reader's LSP alone: shown (nothing of anyone else's)",
      { not_started: 1 },
      { not_started: 1 },
      false,
    ],
    [
      'England has 20 others: shown',
      { in_progress: 15, standards_met: 15 },
      { in_progress: 5, standards_met: 5 },
      false,
    ],
  ])('%s', (_label, all, own, totalHidden) => {
    const shown = protectBesideKnown(group(all), group(own));
    expect(shown.total === null).toBe(totalHidden);
    if (totalHidden) {
      expect(shown.counts.standards_met).toBeNull();
      expect(shown.medianMandatoryCompleted).toBeNull();
    }
  });
});
