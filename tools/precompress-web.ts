/**
 * Runs after the web build (`nx build web`): writes a brotli (`.br`, quality 11) and a gzip (`.gz`,
 * level 9) copy next to each text file of the built app, so the api sends them by Accept-Encoding
 * without compressing on every request, and at a strength no per-request compressor can afford.
 * A copy is written only when it is smaller than the file. Usage: node tools/precompress-web.ts <dir>
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.ico', '.webmanifest']);
/** Smaller files are sent as they are, like API answers under the compression threshold. */
const MIN_BYTES = 1024;

const directory = process.argv[2];
if (!directory || !statSync(directory, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`Usage: node tools/precompress-web.ts <built web app directory> (got ${directory ?? 'nothing'})`);
  process.exit(1);
}

let files = 0;
let before = 0;
let afterBrotli = 0;
for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) {
    continue;
  }
  const content = readFileSync(path);
  for (const copy of ['.br', '.gz']) {
    rmSync(`${path}${copy}`, { force: true });
  }
  if (content.length < MIN_BYTES) {
    continue;
  }
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gzip = gzipSync(content, { level: 9 });
  if (brotli.length < content.length) {
    writeFileSync(`${path}.br`, brotli);
  }
  if (gzip.length < content.length) {
    writeFileSync(`${path}.gz`, gzip);
  }
  files += 1;
  before += content.length;
  afterBrotli += Math.min(brotli.length, content.length);
}
console.log(
  `[precompress-web] ${files} files in ${directory}: ${Math.round(before / 1024)} kB, ${Math.round(afterBrotli / 1024)} kB as brotli`,
);
