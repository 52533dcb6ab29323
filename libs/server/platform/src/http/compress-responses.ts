import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { constants } from 'node:zlib';

/** Below this an answer fits a packet or two anyway and compressing costs more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Brotli's quality for API answers: fast enough to run per request, most of the saving of higher ones. */
export const API_BROTLI_QUALITY = 4;

function shouldCompress(req: Request, res: Response): boolean {
  // A stream of server-sent events must reach the browser event by event, not when a block fills.
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) {
    return false;
  }
  return compression.filter(req, res);
}

/**
 * Brotli (at API_BROTLI_QUALITY) or gzip for API answers and any web file without a precompressed copy, by the
 * client's Accept-Encoding. Files the web build precompressed already carry Content-Encoding and pass
 * through untouched.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: shouldCompress,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY } },
  });
}
