/** Text a spreadsheet would run as a formula is written with a leading apostrophe, as the api's exports do. */
function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?%?$/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  const safe = neutralised(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (RFC 4180, CRLF line ends) of a header row and rows. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoted).join(',')).join('\r\n') + '\r\n';
}

/** Offers `text` to the browser as a download called `fileName` (UTF-8 with a byte order mark for Excel). */
export function downloadCsv(fileName: string, text: string, document: Document): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from words: lower case, hyphens, `.csv`. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${name}.csv`;
}
