export * from './formula-injection';
export * from './spreadsheet-file';
export * from './spreadsheet-reader';
export * from './spreadsheet-reader.service';
export * from './spreadsheet-upload';
export * from './spreadsheet-writer';
export * from './spreadsheets.module';
