import type { CompletionFigures } from './completion-figures';
import { PROVIDER_STATUSES, type ProviderStatus } from './provider-status';

/**
 * Statistics disclosure control for programme-wide figures (docs/statistics.md, "Small numbers"): no figure
 * may describe fewer than this many providers, nor let one be worked out from the figures shown beside it.
 */
export const MIN_PROVIDERS_SHOWN = 5;

/** The name of a figure that may be hidden: the group's total, a status count, the share or the median. */
export type FigureName = 'total' | ProviderStatus | 'metOrAboveShare' | 'medianMandatoryCompleted';

/** A group's figures as shown: a hidden figure is null and named in `hidden`. */
export interface ShownFigures {
  total: number | null;
  counts: Record<ProviderStatus, number | null>;
  metOrAboveShare: number | null;
  medianMandatoryCompleted: number | null;
  /** The figures hidden to protect providers (empty when everything is shown). */
  hidden: FigureName[];
}

// Each group is 8 numbers: its total, a count per status, and the count at Standards Met or above (what the
// share gives away once the total is known).
const TOTAL = 0;
const MET_OR_ABOVE = 7;
const WIDTH = 8;
const COUNT = (status: ProviderStatus) => 1 + PROVIDER_STATUSES.indexOf(status);

/** Every figure of a group as it is, hiding nothing (an LSP reading its own providers). */
export function showAll(figures: CompletionFigures): ShownFigures {
  return { ...figures, counts: { ...figures.counts }, hidden: [] };
}

/** One group's figures shown on their own (a trend point, an answer's total): its small counts hidden. */
export function protectGroup(figures: CompletionFigures): ShownFigures {
  const table = new Table([figures]);
  table.protect();
  return table.shown(0, figures);
}

/**
 * A table of groups and their total (an answer of grouped figures). Primary suppression: a group of 1 to 4
 * providers is hidden whole; in a larger one, each count of 1 to 4 (a status, or the providers at Standards
 * Met or above or below it, which the share gives away) is hidden. Secondary suppression: while any hidden
 * figure can still be worked out from those shown (a total minus the rest of its row or column, or any
 * combination of the table's sums), one more figure of those sums is hidden: the first that stops it, a count
 * before a share before a number of providers, smallest first. The total is protected on its own first and
 * left as it is, so it reads the same whatever the grouping.
 */
export function protectTable(
  rows: readonly CompletionFigures[],
  total: CompletionFigures,
): { rows: ShownFigures[]; total: ShownFigures } {
  const totalOnly = new Table([total]);
  totalOnly.protect();
  if (rows.length === 0) {
    return { rows: [], total: totalOnly.shown(0, total) };
  }
  const table = new Table([...rows, total], rows.length);
  table.lockLast(totalOnly.hiddenOf(0));
  for (let group = 0; group < rows.length; group++) {
    // Each group first as it would be alone, so a group reads the same here as filtered down to itself.
    const alone = new Table([rows[group]]);
    alone.protect();
    table.hideAll(group, alone.hiddenOf(0));
  }
  table.protect();
  return {
    rows: rows.map((figures, group) => table.shown(group, figures)),
    total: table.shown(rows.length, total),
  };
}

/**
 * Figures of which the reader knows a part exactly (England's total beside an LSP's own): what is protected
 * is the rest (every other LSP's providers), so a figure is hidden where the rest's would be.
 */
export function protectBesideKnown(all: CompletionFigures, known: CompletionFigures): ShownFigures {
  const rest = new Table([all]);
  const values = rest.values;
  const knownValues = valuesOf(known);
  for (let index = 0; index < WIDTH; index++) {
    values[index] -= knownValues[index];
  }
  rest.protect();
  return rest.shown(0, all);
}

function valuesOf(figures: CompletionFigures): number[] {
  const { counts } = figures;
  return [
    figures.total,
    ...PROVIDER_STATUSES.map((status) => counts[status]),
    counts.standards_met + counts.standards_exceeded,
  ];
}

function isSmall(value: number): boolean {
  return value > 0 && value < MIN_PROVIDERS_SHOWN;
}

/** Groups' figures with the sums that tie them together, and which are hidden. */
class Table {
  readonly values: number[];
  private readonly hidden: boolean[];
  private readonly locked: boolean[];
  private readonly equations: Array<Array<[number, number]>> = [];

  /** `totalIndex`: the group that is the sum of the others (column sums), if any. */
  constructor(
    groups: readonly CompletionFigures[],
    private readonly totalIndex: number | null = null,
  ) {
    this.values = groups.flatMap(valuesOf);
    this.hidden = this.values.map(() => false);
    this.locked = this.values.map(() => false);
    for (let group = 0; group < groups.length; group++) {
      const base = group * WIDTH;
      // The statuses add up to the total; Met and Exceeded add up to the count the share gives away.
      this.equations.push([
        [base + TOTAL, -1],
        ...PROVIDER_STATUSES.map((status): [number, number] => [base + COUNT(status), 1]),
      ]);
      this.equations.push([
        [base + COUNT('standards_met'), 1],
        [base + COUNT('standards_exceeded'), 1],
        [base + MET_OR_ABOVE, -1],
      ]);
    }
    if (totalIndex !== null) {
      for (let column = 0; column < WIDTH; column++) {
        this.equations.push([
          ...Array.from({ length: totalIndex }, (_, group): [number, number] => [group * WIDTH + column, 1]),
          [totalIndex * WIDTH + column, -1],
        ]);
      }
    }
  }

  hiddenOf(group: number): boolean[] {
    return this.hidden.slice(group * WIDTH, (group + 1) * WIDTH);
  }

  /** The last group (the total) hidden as given and never hidden further. */
  lockLast(hidden: boolean[]): void {
    const base = (this.totalIndex ?? 0) * WIDTH;
    hidden.forEach((value, index) => {
      this.hidden[base + index] = value;
      this.locked[base + index] = true;
    });
  }

  hideAll(group: number, hidden: boolean[]): void {
    hidden.forEach((value, index) => {
      if (value) {
        this.hide(group * WIDTH + index);
      }
    });
  }

  protect(): void {
    this.primary();
    for (let guard = 0; guard <= this.values.length; guard++) {
      const exposed = this.determined();
      if (exposed.length === 0) {
        return;
      }
      const partner = this.partnerFor(exposed[0]);
      if (partner !== null) {
        this.hide(partner);
      } else if (!this.hideSmallestGroup()) {
        // Every group is hidden already: what is left shown is the total, protected on its own.
        return;
      }
    }
  }

  shown(group: number, figures: CompletionFigures): ShownFigures {
    const base = group * WIDTH;
    const hidden = this.hiddenOf(group);
    const names: FigureName[] = [];
    const show = (index: number, name: FigureName, value: number | null): number | null => {
      if (!hidden[index] || value === null) {
        return value;
      }
      names.push(name);
      return null;
    };
    const total = show(TOTAL, 'total', figures.total);
    const counts = Object.fromEntries(
      PROVIDER_STATUSES.map((status) => [status, show(COUNT(status), status, figures.counts[status])]),
    ) as Record<ProviderStatus, number | null>;
    const share = show(MET_OR_ABOVE, 'metOrAboveShare', figures.metOrAboveShare);
    // The median of a small group is one of its providers' figures (or the mean of two).
    const median = isSmall(this.values[base + TOTAL])
      ? show(TOTAL, 'medianMandatoryCompleted', figures.medianMandatoryCompleted)
      : figures.medianMandatoryCompleted;
    return { total, counts, metOrAboveShare: share, medianMandatoryCompleted: median, hidden: names };
  }

  private primary(): void {
    const groups = this.values.length / WIDTH;
    for (let group = 0; group < groups; group++) {
      const base = group * WIDTH;
      const total = this.values[base + TOTAL];
      if (isSmall(total)) {
        for (let index = 0; index < WIDTH; index++) {
          this.hide(base + index);
        }
        continue;
      }
      for (let index = 1; index < WIDTH; index++) {
        if (isSmall(this.values[base + index])) {
          this.hide(base + index);
        }
      }
      // Below Standards Met is the total less the share's count: as small, it hides the share.
      if (isSmall(total - this.values[base + MET_OR_ABOVE])) {
        this.hide(base + MET_OR_ABOVE);
      }
    }
  }

  private hide(index: number): void {
    if (this.locked[index]) {
      return;
    }
    this.hidden[index] = true;
    // Without its total a group's share is not shown either.
    if (index % WIDTH === TOTAL) {
      this.hidden[index + MET_OR_ABOVE] = true;
    }
  }

  /**
   * Hidden figures that the shown ones determine: those whose unit vector lies in the row space of the
   * table's sums over the hidden figures (reduced row echelon form: a row with a single non-zero entry).
   */
  private determined(): number[] {
    // Sparse Gauss-Jordan elimination: the sums are short (a group's) or one per column, so this stays fast
    // on a table of hundreds of groups.
    const rows: Array<Map<number, number>> = [];
    for (const equation of this.equations) {
      const row = new Map<number, number>();
      for (const [index, coefficient] of equation) {
        if (this.hidden[index]) {
          row.set(index, (row.get(index) ?? 0) + coefficient);
        }
      }
      if (row.size > 0) {
        rows.push(row);
      }
    }
    for (let pivotRow = 0; pivotRow < rows.length; pivotRow++) {
      const pivot = rows[pivotRow];
      const first = pivot.entries().next();
      if (first.done) {
        continue;
      }
      const [column, scale] = first.value;
      for (const [index, value] of pivot) {
        pivot.set(index, value / scale);
      }
      for (let other = 0; other < rows.length; other++) {
        const row = rows[other];
        const factor = other === pivotRow ? undefined : row.get(column);
        if (factor === undefined) {
          continue;
        }
        for (const [index, value] of pivot) {
          const next = (row.get(index) ?? 0) - factor * value;
          if (Math.abs(next) < 1e-9) {
            row.delete(index);
          } else {
            row.set(index, next);
          }
        }
      }
    }
    return rows.flatMap((row) => (row.size === 1 ? [...row.keys()] : []));
  }

  /**
   * The shown figure to hide beside an exposed one: the first, of a count before a share before a total and
   * the smallest first, that leaves it no longer worked out; failing that, the first.
   */
  private partnerFor(exposed: number): number | null {
    const kind = (index: number) => (index % WIDTH === TOTAL ? 2 : index % WIDTH === MET_OR_ABOVE ? 1 : 0);
    const candidates = new Set<number>();
    for (const equation of this.equations) {
      if (equation.some(([index]) => index === exposed)) {
        for (const [index] of equation) {
          if (!this.hidden[index] && !this.locked[index]) {
            candidates.add(index);
          }
        }
      }
    }
    const sorted = [...candidates].sort((a, b) => kind(a) - kind(b) || this.values[a] - this.values[b] || a - b);
    for (const candidate of sorted.slice(0, 16)) {
      const before = [...this.hidden];
      this.hide(candidate);
      const stillExposed = this.determined().includes(exposed);
      this.hidden.splice(0, this.hidden.length, ...before);
      if (!stillExposed) {
        return candidate;
      }
    }
    return sorted[0] ?? null;
  }

  /** Last resort: hide the whole of the smallest group that still shows something (false: there is none). */
  private hideSmallestGroup(): boolean {
    const groups = this.values.length / WIDTH;
    let smallest: number | null = null;
    for (let group = 0; group < groups; group++) {
      const base = group * WIDTH;
      const showsSome = this.hidden
        .slice(base, base + WIDTH)
        .some((hidden, index) => !hidden && !this.locked[base + index]);
      if (showsSome && (smallest === null || this.values[base] < this.values[smallest * WIDTH])) {
        smallest = group;
      }
    }
    if (smallest === null) {
      return false;
    }
    for (let index = 0; index < WIDTH; index++) {
      this.hide(smallest * WIDTH + index);
    }
    return true;
  }
}
