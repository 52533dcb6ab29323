import { importStage, importedProviders } from './import-progress';

describe('importedProviders', () => {
  it.each([
    [{ created: 3, updated: 0, unchanged: 0 }, '3 providers added'],
    [{ created: 1, updated: 2, unchanged: 1500 }, '1 provider added, 2 updated, 1,500 unchanged'],
    [{ created: 0, updated: 1, unchanged: 0 }, '1 provider updated'],
    [{ created: 0, updated: 0, unchanged: 2 }, '2 providers unchanged'],
    [{ created: 0, updated: 0, unchanged: 0 }, 'no providers'],
  ])('%j: %s', (counts, expected) => {
    expect(importedProviders({ ...counts, contacts: 0, rows: 1 })).toBe(expected);
  });
});

describe('importStage', () => {
  const progress = { importId: 'i', total: 2000 };

  it('counts checking the rows as the first half and importing them as the second', () => {
    expect(importStage({ ...progress, status: 'validating', processed: 500 })).toEqual({
      label: 'Checking the rows',
      percent: 12.5,
      detail: '500 of 2,000 rows checked',
    });
    expect(importStage({ ...progress, status: 'importing', processed: 1000 })).toEqual({
      label: 'Importing the rows',
      percent: 75,
      detail: '1,000 of 2,000 rows imported',
    });
    expect(importStage({ ...progress, status: 'done', processed: 2000 }).percent).toBe(100);
  });

  it('never goes past the end, nor divides by nothing', () => {
    expect(importStage({ ...progress, status: 'importing', processed: 2500 }).percent).toBe(100);
    expect(importStage({ importId: 'i', total: 0, status: 'validating', processed: 0 }).percent).toBe(0);
  });
});
