import { ExpressAdapter } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { API_BROTLI_QUALITY, COMPRESSION_THRESHOLD_BYTES } from './compress-responses';
import { chooseContentEncoding, PRECOMPRESSED_ENCODINGS } from './content-encoding';

type Encoding = 'br' | 'gzip' | 'identity';

const prepared = new WeakMap<object, Partial<Record<Encoding, Buffer>>>();

/**
 * Marks an answer that a cache sends again and again, unchanged (it must not be changed once marked). The
 * first time it is sent, its JSON, and its brotli or gzip form when a client asks for one, are kept with
 * it; every later request is sent those bytes, not serialised and compressed again. Answers not marked
 * are sent as usual.
 */
export function reusableAnswer<T extends object>(answer: T): T {
  if (!prepared.has(answer)) {
    prepared.set(answer, {});
  }
  return answer;
}

/** The bytes to send for a marked answer in the encoding the request prefers; undefined for any other body. */
export function preparedAnswer(body: unknown, request: Request): { bytes: Buffer; encoding: Encoding } | undefined {
  const forms = typeof body === 'object' && body !== null ? prepared.get(body) : undefined;
  if (!forms) {
    return undefined;
  }
  const json = (forms.identity ??= Buffer.from(JSON.stringify(body)));
  const encoding: Encoding =
    json.length < COMPRESSION_THRESHOLD_BYTES
      ? 'identity'
      : (chooseContentEncoding(request.headers['accept-encoding'], PRECOMPRESSED_ENCODINGS)?.name ?? 'identity');
  const bytes = (forms[encoding] ??= compress(json, encoding));
  return { bytes, encoding };
}

/** As compressResponses would: brotli at API_BROTLI_QUALITY, gzip at zlib's default level. */
function compress(json: Buffer, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'br':
      return brotliCompressSync(json, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
        },
      });
    case 'gzip':
      return gzipSync(json);
    case 'identity':
      return json;
  }
}

/** Nest's Express adapter, sending answers marked with reusableAnswer as their kept bytes. */
export class PortalExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const answer = preparedAnswer(body, response.req);
    if (!answer) {
      return super.reply(response, body, statusCode);
    }
    if (statusCode !== undefined) {
      response.status(statusCode);
    }
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.vary('Accept-Encoding');
    if (answer.encoding !== 'identity') {
      // compressResponses leaves an answer that already has a Content-Encoding as it is.
      response.setHeader('Content-Encoding', answer.encoding);
    }
    return response.send(answer.bytes);
  }
}
