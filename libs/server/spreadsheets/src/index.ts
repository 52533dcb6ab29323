export * from './lib/formula-injection';
export * from './lib/spreadsheet-reader';
export * from './lib/spreadsheet-writer';
