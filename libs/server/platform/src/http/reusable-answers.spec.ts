import type { Request } from 'express';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preparedAnswer, reusableAnswer } from './reusable-answers';

const asking = (acceptEncoding?: string) =>
  ({ headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }) as Request;

describe('reusable answers', () => {
  const page = () => reusableAnswer({ items: Array.from({ length: 40 }, (_, n) => ({ name: `Provider ${n}`, n })) });

  it('leaves answers that are not marked to be sent as usual', () => {
    expect(preparedAnswer({ items: [] }, asking('br'))).toBeUndefined();
    expect(preparedAnswer('text', asking('br'))).toBeUndefined();
    expect(preparedAnswer(null, asking())).toBeUndefined();
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0.5, gzip', 'gzip', gunzipSync],
    ['identity', 'identity', (bytes: Buffer) => bytes],
    [undefined, 'identity', (bytes: Buffer) => bytes],
  ])('sends the JSON in the encoding asked for (%s: %s), made once and reused', (accept, encoding, decode) => {
    const answer = page();
    const first = preparedAnswer(answer, asking(accept));
    expect(first?.encoding).toBe(encoding);
    expect(JSON.parse(decode(first!.bytes).toString())).toEqual(answer);
    expect(preparedAnswer(answer, asking(accept))?.bytes).toBe(first?.bytes);
  });

  it('keeps an answer under 1 kB uncompressed, as compressResponses does', () => {
    expect(preparedAnswer(reusableAnswer({ total: 1 }), asking('br'))).toEqual({
      bytes: Buffer.from('{"total":1}'),
      encoding: 'identity',
    });
  });
});
