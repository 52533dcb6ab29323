import { type SchemaPathTree, required, validate } from '@angular/forms/signals';

/** The API refuses uploads larger than this (413); checked here too, so nobody waits to upload one. */
export const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;

/** An upload form's model: the chosen file. */
export interface SpreadsheetFileModel {
  file: File | null;
}

/** What is wrong with a chosen file before it is sent, if anything. */
export function spreadsheetFileProblem(file: File | null): string | undefined {
  if (!file) {
    return undefined;
  }
  if (!/\.(csv|xlsx)$/i.test(file.name)) {
    return 'The selected file must be a CSV or XLSX file';
  }
  if (file.size === 0) {
    return 'The selected file is empty';
  }
  if (file.size > MAX_SPREADSHEET_BYTES) {
    return `The selected file must be smaller than ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB`;
  }
  return undefined;
}

/** Rules for an upload form: a CSV or XLSX file is chosen, not empty and not too large. */
export function spreadsheetFileRules(path: SchemaPathTree<SpreadsheetFileModel>): void {
  required(path.file, { message: 'Select a CSV or XLSX file' });
  validate(path.file, ({ value }) => {
    const message = spreadsheetFileProblem(value());
    return message ? { kind: 'spreadsheet', message } : undefined;
  });
}
