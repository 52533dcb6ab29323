import { zipFile } from './zip-files';

type Cell = string | number | boolean | null | undefined;

function xmlEscape(value: string): string {
  return value.replace(/[<>&"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[char]};`);
}

/**
 * An OpenDocument spreadsheet (.ods, the format CQC publishes its register in) with one sheet: `titleRows`
 * first (as published files open with a title), then the header and the rows, every cell as text.
 */
export function writeOds(
  sheetName: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  titleRows: readonly string[] = [],
): Buffer {
  const row = (cells: readonly Cell[]) =>
    `<table:table-row>${cells
      .map((cell) => {
        const value = xmlEscape(cell === null || cell === undefined ? '' : String(cell));
        return value === ''
          ? '<table:table-cell/>'
          : `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
      })
      .join('')}</table:table-row>`;
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
    `<office:body><office:spreadsheet><table:table table:name="${xmlEscape(sheetName)}">` +
    '<table:table-column table:number-columns-repeated="' +
    columns.length +
    '"/>' +
    titleRows.map((title) => row([title])).join('') +
    row(columns) +
    rows.map(row).join('') +
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/>' +
    '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '</manifest:manifest>';
  return zipFile([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
    { name: 'content.xml', content },
    { name: 'META-INF/manifest.xml', content: manifest },
  ]);
}
