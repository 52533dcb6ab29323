import type { CompletionFigures, CompletionRow } from '@dspt/contracts';
import { meetsTarget, PROVIDER_STATUSES } from '@dspt/domain';
import { PROVIDER_STATUS_LABELS } from '@dspt/web/core';

/** One line of a completion table, as the page shows it and the CSV file holds it. */
export interface FiguresLine {
  label: string;
  total: number;
  counts: number[];
  /** "41.2%", or "–" when there are no providers. */
  share: string;
  meetsTarget: boolean;
  median: string;
  previousShare: string;
}

/** Column headings after the group's own, for a target share of 0 to 1. */
export function figuresHeadings(target: number): string[] {
  return [
    'Providers',
    ...PROVIDER_STATUSES.map((status) => PROVIDER_STATUS_LABELS[status]),
    'Standards Met or above',
    `Meets the ${percent(target)} target`,
    'Median mandatory items completed',
    'Last cycle, Standards Met or above',
  ];
}

/** A share of 0 to 1 as a percentage with one decimal place. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function median(value: number | null): string {
  return value === null ? '–' : String(value);
}

export function figuresLine(row: CompletionRow, target: number, label = row.label): FiguresLine {
  return lineOf(label, row, row.previous, target);
}

function lineOf(
  label: string,
  figures: CompletionFigures,
  previous: CompletionFigures | null,
  target: number,
): FiguresLine {
  return {
    label,
    total: figures.total,
    counts: PROVIDER_STATUSES.map((status) => figures.counts[status]),
    share: percent(figures.metOrAboveShare),
    meetsTarget: meetsTarget(figures.metOrAboveShare, target),
    median: median(figures.medianMandatoryCompleted),
    previousShare: previous ? percent(previous.metOrAboveShare) : 'No snapshot',
  };
}

/** The cells of a line in the headings' order (what the CSV file writes). */
export function lineCells(line: FiguresLine): string[] {
  return [
    line.label,
    String(line.total),
    ...line.counts.map(String),
    line.share,
    line.meetsTarget ? 'Yes' : 'No',
    line.median,
    line.previousShare,
  ];
}
