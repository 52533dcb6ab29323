import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { chooseContentEncoding, PRECOMPRESSED_ENCODINGS, type PrecompressedEncoding } from './content-encoding';
import { cacheControlFor, isContentHashed } from './web-asset-caching';

const INDEX = '/index.html';

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/**
 * The built Angular app: its files with their precompressed copies (`.br`, `.gz`, written by the web
 * build) chosen by Accept-Encoding, hashed files cached for a year, index.html revalidated each time,
 * and index.html for any other path so client-side routes load. A missing hashed file (a chunk of an
 * older build) is a 404, never index.html under a year's caching. `/api` is left to the API.
 */
export function serveWebApp(rootPath: string): RequestHandler {
  const root = resolve(rootPath);
  const serveFile = express.static(root, {
    index: false,
    cacheControl: false,
    setHeaders: (res: Response, filePath: string) => {
      const encoding = PRECOMPRESSED_ENCODINGS.find((candidate) => filePath.endsWith(candidate.extension));
      const original = encoding ? filePath.slice(0, -encoding.extension.length) : filePath;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding.name);
        res.type(extname(original));
      }
      res.setHeader('Cache-Control', cacheControlFor(relative(root, original).split(sep).join('/')));
      res.vary('Accept-Encoding');
    },
  });

  async function pickFile(requestPath: string): Promise<string | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(requestPath);
    } catch {
      return undefined;
    }
    const absolute = resolve(root, `.${decoded}`);
    if (absolute.startsWith(root + sep) && (await isFile(absolute))) {
      return requestPath;
    }
    return isContentHashed(requestPath) ? undefined : INDEX;
  }

  async function availableEncodings(file: string): Promise<PrecompressedEncoding[]> {
    const found = await Promise.all(
      PRECOMPRESSED_ENCODINGS.map(async (encoding) =>
        (await isFile(resolve(root, `.${decodeURIComponent(file)}${encoding.extension}`))) ? encoding : undefined,
      ),
    );
    return found.filter((encoding) => encoding !== undefined);
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) {
      next();
      return;
    }
    void (async () => {
      const file = await pickFile(req.path);
      if (!file) {
        next();
        return;
      }
      const encoding = chooseContentEncoding(req.headers['accept-encoding'], await availableEncodings(file));
      req.url = `${file}${encoding?.extension ?? ''}`;
      serveFile(req, res, next);
    })().catch(next);
  };
}
