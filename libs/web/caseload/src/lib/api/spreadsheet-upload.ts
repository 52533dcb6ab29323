/** The formats the API reads and writes spreadsheets in. */
export type SpreadsheetFormat = 'csv' | 'xlsx';

/** What file inputs for the API's uploads accept. */
export const SPREADSHEET_ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV or XLSX file as the API's upload routes take it: the multipart field `file`. */
export function spreadsheetUpload(file: File): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
}
