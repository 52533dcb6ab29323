import type { ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { counted, wholeNumber as count } from '@dspt/web/core';

/** What a progress bar shows of a background import: checking the rows is the first half, writing them the second. */
export interface ImportStage {
  label: string;
  percent: number;
  detail: string;
}

export function importStage({ status, processed, total }: ImportProgress): ImportStage {
  const share = total > 0 ? Math.min(processed, total) / total : 0;
  const ofTotal = `${count.format(Math.min(processed, total))} of ${counted(total, 'row')}`;
  switch (status) {
    case 'validating':
      return { label: 'Checking the rows', percent: share * 50, detail: `${ofTotal} checked` };
    case 'importing':
      return { label: 'Importing the rows', percent: 50 + share * 50, detail: `${ofTotal} imported` };
    case 'done':
      return { label: 'Imported', percent: 100, detail: `${counted(total, 'row')} imported` };
    case 'failed':
      return { label: 'Stopped: nothing was imported', percent: share * 50, detail: `${ofTotal} checked` };
  }
}

/** "3 providers added, 1 updated, 2 unchanged", the parts that are not 0 (all unchanged: "2 providers unchanged"). */
export function importedProviders({ created, updated, unchanged }: ProviderImportResult): string {
  const parts = [
    [created, 'added'],
    [updated, 'updated'],
    [unchanged, 'unchanged'],
  ].filter(([n]) => n !== 0) as [number, string][];
  if (parts.length === 0) {
    return 'no providers';
  }
  return parts
    .map(([n, what], index) => (index === 0 ? `${counted(n, 'provider')} ${what}` : `${count.format(n)} ${what}`))
    .join(', ');
}
