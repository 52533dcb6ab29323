import { type SchemaPathTree, required, validate } from '@angular/forms/signals';

/** The API refuses uploads larger than this (413); checked here too, so nobody waits to upload one. */
export const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;

/** An upload form's model: the chosen file. */
export interface SpreadsheetFileModel {
  file: File | null;
}

/** The CQC register, as CQC publishes it, is larger than other uploads (the API's own limit). */
export const MAX_REGISTER_BYTES = 64 * 1024 * 1024;

/** What is wrong with a chosen file before it is sent, if anything. */
export function spreadsheetFileProblem(
  file: File | null,
  allowed = { pattern: /\.(csv|xlsx)$/i, kinds: 'a CSV or XLSX file', maxBytes: MAX_SPREADSHEET_BYTES },
): string | undefined {
  if (!file) {
    return undefined;
  }
  if (!allowed.pattern.test(file.name)) {
    return `The selected file must be ${allowed.kinds}`;
  }
  if (file.size === 0) {
    return 'The selected file is empty';
  }
  if (file.size > allowed.maxBytes) {
    return `The selected file must be smaller than ${allowed.maxBytes / 1024 / 1024} MB`;
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

/** Rules for the CQC register's upload: an ODS, CSV or XLSX file, up to MAX_REGISTER_BYTES. */
export function registerFileRules(path: SchemaPathTree<SpreadsheetFileModel>): void {
  required(path.file, { message: 'Select an ODS, CSV or XLSX file' });
  validate(path.file, ({ value }) => {
    const message = spreadsheetFileProblem(value(), {
      pattern: /\.(ods|csv|xlsx)$/i,
      kinds: 'an ODS, CSV or XLSX file',
      maxBytes: MAX_REGISTER_BYTES,
    });
    return message ? { kind: 'spreadsheet', message } : undefined;
  });
}
