import type { CompletionRow, FigureName, ShownFigures } from '@dspt/contracts';
import { meetsTarget, MIN_PROVIDERS_SHOWN, PROVIDER_STATUSES, sharePercent } from '@dspt/domain';
import { PROVIDER_STATUS_LABELS } from '@dspt/web/core';

/** What a figure hidden to protect providers shows, on the page and in the CSV file (as official statistics do). */
export const HIDDEN_FIGURE = '[c]';

/** The note that goes with any table holding a hidden figure. */
export const HIDDEN_FIGURES_NOTE = `${HIDDEN_FIGURE}: hidden to protect individual providers. A figure is hidden when it counts fewer than ${MIN_PROVIDERS_SHOWN} providers, or when it would let a hidden one be worked out from the totals. An LSP's own providers are never hidden from it.`;

/** One line of a completion table, as the page shows it and the CSV file holds it. */
export interface FiguresLine {
  label: string;
  /** The number of providers, or HIDDEN_FIGURE. */
  total: string;
  counts: string[];
  /** "41.2%", "–" when there are no providers, or HIDDEN_FIGURE. */
  share: string;
  meetsTarget: boolean;
  /** "Yes", "No", or HIDDEN_FIGURE when the share is hidden. */
  targetMet: string;
  median: string;
  previousShare: string;
  /** Whether any figure of the line (last cycle's share included) is hidden. */
  hasHidden: boolean;
}

/**
 * Column headings after the group's own, for a target share of 0 to 1: the share against the target and
 * last cycle's come straight after the number of providers, so they are on screen first, whatever the width.
 */
export function figuresHeadings(target: number): string[] {
  return [
    'Providers',
    'Standards Met or above',
    `Meets the ${percent(target)} target`,
    'Last cycle, Standards Met or above',
    ...PROVIDER_STATUSES.map((status) => PROVIDER_STATUS_LABELS[status]),
    'Median mandatory items completed',
  ];
}

/** A share of 0 to 1 as a percentage with one decimal place (the domain's one rounding rule). */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${sharePercent(share).toFixed(1)}%`;
}

function median(value: number | null): string {
  return value === null ? '–' : String(value);
}

/** A figure as shown: HIDDEN_FIGURE when it is hidden, else formatted. */
export function shownFigure<T>(
  figures: { hidden: readonly FigureName[] },
  name: FigureName,
  value: T,
  format: (value: T) => string,
): string {
  return figures.hidden.includes(name) ? HIDDEN_FIGURE : format(value);
}

/** The share at Standards Met or above as shown: a percentage, or HIDDEN_FIGURE. */
export function shownShare(figures: ShownFigures): string {
  return shownFigure(figures, 'metOrAboveShare', figures.metOrAboveShare, percent);
}

export function figuresLine(row: CompletionRow, target: number, label = row.label): FiguresLine {
  return lineOf(label, row, row.previous, target);
}

function lineOf(label: string, figures: ShownFigures, previous: ShownFigures | null, target: number): FiguresLine {
  const share = shownShare(figures);
  return {
    label,
    total: shownFigure(figures, 'total', figures.total, String),
    counts: PROVIDER_STATUSES.map((status) => shownFigure(figures, status, figures.counts[status], String)),
    share,
    meetsTarget: meetsTarget(figures.metOrAboveShare, target),
    targetMet: share === HIDDEN_FIGURE ? HIDDEN_FIGURE : meetsTarget(figures.metOrAboveShare, target) ? 'Yes' : 'No',
    median: shownFigure(figures, 'medianMandatoryCompleted', figures.medianMandatoryCompleted, median),
    previousShare: previous ? shownShare(previous) : 'No snapshot',
    hasHidden: figures.hidden.length > 0 || (previous?.hidden.includes('metOrAboveShare') ?? false),
  };
}

/** The cells of a line in the headings' order (what the CSV file writes). */
export function lineCells(line: FiguresLine): string[] {
  return [line.label, ...figureCells(line).map((cell) => cell.text)];
}

/** A figure of a line as the table shows it: its text, whether it is a number, and whether it meets the target. */
export interface FigureCell {
  text: string;
  numeric: boolean;
  met: boolean;
}

/** The figures of a line (every cell after the group's name), in the headings' order. */
export function figureCells(line: FiguresLine): FigureCell[] {
  const number = (text: string): FigureCell => ({ text, numeric: true, met: false });
  return [
    number(line.total),
    { text: line.share, numeric: true, met: line.meetsTarget },
    { text: line.targetMet, numeric: false, met: false },
    number(line.previousShare),
    ...line.counts.map(number),
    number(line.median),
  ];
}
