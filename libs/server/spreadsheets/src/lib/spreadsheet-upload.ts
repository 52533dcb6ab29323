import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { MAX_UPLOAD_BYTES } from './spreadsheet-reader';

/**
 * A route that takes one CSV or XLSX file in the multipart field `file` (read it with
 * `@UploadedFile()`). Files over MAX_UPLOAD_BYTES are refused with 413 before they are read.
 */
export function SpreadsheetUpload() {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
    }),
    ApiPayloadTooLargeResponse({ description: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }),
  );
}
