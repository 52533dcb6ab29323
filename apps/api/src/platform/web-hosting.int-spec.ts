import { integrationEnv } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApi } from '../testing/start-test-api';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, not decompressed. */
  body: Buffer;
}

function get(baseUrl: string, path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the web app and API answers are served compressed and cached', () => {
  // A built web app in miniature, as `nx build web` leaves it: hashed files with .br and .gz copies.
  const webRoot = mkdtempSync(join(tmpdir(), 'dspt-web-'));
  const indexHtml = `<!doctype html><html lang="en-GB"><head><title>Portal</title></head><body>${'<p>x</p>'.repeat(300)}</body></html>`;
  const mainJs = `console.log(${JSON.stringify('the portal '.repeat(500))});\n`;
  for (const [name, content] of [
    ['index.html', indexHtml],
    ['main-JQ2xd_N-.js', mainJs],
  ]) {
    writeFileSync(join(webRoot, name), content);
    writeFileSync(join(webRoot, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(webRoot, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApi(integrationEnv({ WEB_ROOT: webRoot }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('has index.html revalidated on every visit, brotli-compressed', async () => {
    const response = await get(baseUrl, '/', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.body).toString()).toBe(indexHtml);
  });

  it('answers a client-side route with index.html, and a missing hashed file with 404', async () => {
    const route = await get(baseUrl, '/lsp/north/providers', { 'Accept-Encoding': 'identity' });
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body.toString()).toBe(indexHtml);

    const stale = await get(baseUrl, '/chunk-OLDBuild.js', {});
    expect(stale.status).toBe(404);
    expect(stale.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it.each([
    ['br', 'gzip, deflate, br, zstd', (body: Buffer) => brotliDecompressSync(body)],
    ['gzip', 'gzip, deflate', (body: Buffer) => gunzipSync(body)],
    [undefined, 'identity', (body: Buffer) => body],
    [undefined, '', (body: Buffer) => body],
  ])(
    'sends a hashed script (encoding %s) for Accept-Encoding "%s", cached for a year',
    async (encoding, accept, decode) => {
      const response = await get(baseUrl, '/main-JQ2xd_N-.js', { 'Accept-Encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(decode(response.body).toString()).toBe(mainJs);
    },
  );

  it('has an unhashed file revalidated', async () => {
    const response = await get(baseUrl, '/favicon.svg', {});
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('keeps an idle connection open past 5 s, as a proxy reusing it expects (nginx keeps its own 60 s)', async () => {
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    const ask = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const outgoing = httpRequest(new URL('/api/health', baseUrl), { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: outgoing.reusedSocket }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    try {
      expect((await ask()).reused).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await ask()).toEqual({ status: expect.any(Number), reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);

  it('gzips an API answer over 1 kB and leaves a small one as it is', async () => {
    const large = await get(baseUrl, '/api/docs/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('gzip');
    const document = JSON.parse(gunzipSync(large.body).toString()) as { openapi: string };
    expect(document.openapi).toMatch(/^3\./);

    const small = await get(baseUrl, '/api/auth/me', { 'Accept-Encoding': 'gzip' });
    expect(small.status).toBe(401);
    expect(Number(small.headers['content-length'] ?? small.body.length)).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
