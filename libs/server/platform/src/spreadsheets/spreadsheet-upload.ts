import { applyDecorators, HttpStatus, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_UPLOAD_BYTES } from './spreadsheet-reader';

/**
 * A route that takes one CSV, XLSX or ODS file in the multipart field `file` (read it with
 * `@UploadedFile()`). Files over `maxBytes` (MAX_UPLOAD_BYTES unless the route's files are large by
 * nature) are refused with 413 before they are read; the route reads the file with SpreadsheetReader,
 * whose own limits answer 413 or 422.
 */
export function SpreadsheetUpload(maxBytes = MAX_UPLOAD_BYTES) {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
    }),
    ApiPayloadTooLargeResponse({
      description: `The file is larger than ${maxBytes / 1024 / 1024} MB, unpacks past a limit on entries, size or compression ratio, or needs more memory to read than allowed (the message names the limit)`,
    }),
    ApiUnprocessableEntityResponse({ description: 'The file took longer to read than allowed' }),
  );
}

/** How an uploaded file's import starts: done at once, or (a large file) accepted to run in the background. */
export type UploadOutcome<Done, Accepted> = { done: Done } | { accepted: Accepted };

/** The body an upload route answers with: the result at the route's own status, or 202 and the progress to follow. */
export function uploadResponse<Done, Accepted>(
  outcome: UploadOutcome<Done, Accepted>,
  response: Pick<Response, 'status'>,
): Done | Accepted {
  if ('accepted' in outcome) {
    response.status(HttpStatus.ACCEPTED);
    return outcome.accepted;
  }
  return outcome.done;
}
