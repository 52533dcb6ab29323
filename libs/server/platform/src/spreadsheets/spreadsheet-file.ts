import { StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type Cell, writeCsv, writeXlsx } from './spreadsheet-writer';

export const SPREADSHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** `?format=csv|xlsx` of a download; CSV when left out. */
export class SpreadsheetFormatQueryDto {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS, { message: 'format must be csv or xlsx' })
  format?: SpreadsheetFormat;
}

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface SpreadsheetDownload {
  /** Without the extension, which follows from the format. */
  filename: string;
  sheetName: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

/**
 * A CSV or XLSX download with its content type and an attachment `Content-Disposition`; every cell is
 * neutralised against formula injection by the writers.
 */
export async function spreadsheetFile(
  format: SpreadsheetFormat = 'csv',
  download: SpreadsheetDownload,
): Promise<StreamableFile> {
  const body =
    format === 'xlsx'
      ? await writeXlsx(download.sheetName, download.columns, download.rows)
      : Buffer.from(writeCsv(download.columns, download.rows));
  const filename = `${download.filename.replace(/[^A-Za-z0-9._-]+/g, '-')}.${format}`;
  return new StreamableFile(body, {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${filename}"`,
    length: body.length,
  });
}
