import { Module } from '@nestjs/common';
import { SpreadsheetReader } from './spreadsheet-reader.service';

/** Provides SpreadsheetReader; one instance per app, so its limit on files read at once holds for the process. */
@Module({ providers: [SpreadsheetReader], exports: [SpreadsheetReader] })
export class SpreadsheetsModule {}
