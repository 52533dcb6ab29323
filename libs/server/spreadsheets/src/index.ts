export * from './lib/formula-injection';
export * from './lib/spreadsheet-file';
export * from './lib/spreadsheet-reader';
export * from './lib/spreadsheet-reader.service';
export * from './lib/spreadsheet-upload';
export * from './lib/spreadsheet-writer';
export * from './lib/spreadsheets.module';
